/**
 * Runs uploads through the model pipeline in one worker thread, one at a time (the machine's other
 * core keeps the rooms' simulation on time). Jobs queue in arrival order; a job over its time
 * budget has its worker terminated and is refused; a crashed worker is replaced for the next job.
 */
import { Worker } from "node:worker_threads";
import type { ModelProblem } from "../../shared/models.ts";
import { timedPipelineJob } from "../observability/metrics.ts";
import type { PipelineOptions, PipelineProgress, PipelineResult } from "./modelPipeline.ts";
import { ModelRejection, problem } from "./modelRejection.ts";
import type { UploadFile } from "./uploadParser.ts";

export type PipelineJob = { jobId: number; files: UploadFile[]; options: PipelineOptions };

export type PipelineMessage =
  | { type: "progress"; jobId: number; stage: "validating" | "optimizing"; fraction: number; message: string }
  | { type: "done"; jobId: number; result: PipelineResult }
  | { type: "rejected"; jobId: number; problems: ModelProblem[] }
  | { type: "failed"; jobId: number; message: string };

export type PipelineRunner = {
  /** Validates and optimizes one upload. @throws ModelRejection, or Error when the worker failed. */
  run(files: UploadFile[], onProgress?: PipelineProgress): Promise<PipelineResult>;
  /** Jobs waiting or running. */
  pending(): number;
  close(): Promise<void>;
};

type QueuedJob = {
  files: UploadFile[];
  onProgress: PipelineProgress;
  resolve: (result: PipelineResult) => void;
  reject: (error: Error) => void;
};

const WORKER_URL = new URL("./pipelineWorker.ts", import.meta.url);

/** A fresh worker, unreferenced: an idle worker must not keep the process alive (tests, graceful shutdown). */
function startWorker(): Worker {
  const w = new Worker(WORKER_URL);
  w.unref();
  return w;
}

/** The refusal of a job whose worker was terminated for going over its time budget. */
function timeoutRejection(timeoutMs: number): ModelRejection {
  const seconds = Math.round(timeoutMs / 1000);
  return new ModelRejection([
    problem(
      "processing_timeout",
      `Processing the model took longer than ${seconds} s; simplify it (fewer triangles, smaller textures) and try again.`,
      null,
      seconds,
      null,
    ),
  ]);
}

/** A runner with its options (limits) and a time budget per job. */
export function createPipelineRunner(options: PipelineOptions, timeoutMs: number): PipelineRunner {
  const queue: QueuedJob[] = [];
  let worker: Worker | null = null;
  let busy = false;
  let nextJobId = 1;
  let closed = false;

  const pump = () => {
    if (busy || closed) return;
    const job = queue.shift();
    if (!job) return;
    busy = true;
    const jobId = nextJobId++;
    worker ??= startWorker();
    const current = worker;

    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      current.off("message", onMessage);
      current.off("error", onError);
      current.off("exit", onExit);
      busy = false;
      if (worker === current) current.unref();
      outcome();
      pump();
    };
    const onMessage = (message: PipelineMessage) => {
      if (message.jobId !== jobId) return;
      if (message.type === "progress") job.onProgress(message.stage, message.fraction, message.message);
      else if (message.type === "done") finish(() => job.resolve(message.result));
      else if (message.type === "rejected") finish(() => job.reject(new ModelRejection(message.problems)));
      else finish(() => job.reject(new Error(`Model pipeline failed: ${message.message}`)));
    };
    const onError = (error: Error) => {
      worker = null;
      finish(() => job.reject(new Error(`Model pipeline worker crashed: ${error.message}`)));
    };
    const onExit = (code: number) => {
      worker = null;
      finish(() => job.reject(new Error(`Model pipeline worker exited with code ${code}`)));
    };
    const timer = setTimeout(() => {
      worker = null;
      current.off("exit", onExit);
      void current.terminate();
      finish(() => job.reject(timeoutRejection(timeoutMs)));
    }, timeoutMs);
    current.on("message", onMessage);
    current.on("error", onError);
    current.on("exit", onExit);
    current.ref();
    current.postMessage({ jobId, files: job.files, options } satisfies PipelineJob);
  };

  return {
    run: (files, onProgress = () => {}) =>
      timedPipelineJob(
        new Promise<PipelineResult>((resolve, reject) => {
          if (closed) return reject(new Error("The model pipeline is closed"));
          queue.push({ files, onProgress, resolve, reject });
          pump();
        }),
        (error) => error instanceof ModelRejection,
      ),
    pending: () => queue.length + (busy ? 1 : 0),
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error("The server is shutting down"));
      await worker?.terminate();
      worker = null;
    },
  };
}
