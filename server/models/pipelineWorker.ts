/**
 * Worker thread entry: runs the model pipeline off the main thread, so that validating and
 * optimizing a model (seconds of CPU) never stalls the avenue's fixed-step simulation.
 * Messages: in `PipelineJob`, out `PipelineMessage` (see pipelineRunner.ts).
 */
import { parentPort } from "node:worker_threads";
import { runModelPipeline } from "./modelPipeline.ts";
import { ModelRejection } from "./modelRejection.ts";
import type { PipelineJob, PipelineMessage } from "./pipelineRunner.ts";

const port = parentPort;
if (!port) throw new Error("pipelineWorker.ts must run in a worker thread");

const post = (message: PipelineMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

port.on("message", async (job: PipelineJob) => {
  try {
    const result = await runModelPipeline(job.files, job.options, (stage, fraction, message) =>
      post({ type: "progress", jobId: job.jobId, stage, fraction, message }),
    );
    const buffers = [result.original, result.optimized, result.lod].map((b) => b.buffer as ArrayBuffer);
    post({ type: "done", jobId: job.jobId, result }, [...new Set(buffers)]);
  } catch (error) {
    if (error instanceof ModelRejection) {
      post({ type: "rejected", jobId: job.jobId, problems: error.problems });
    } else {
      post({
        type: "failed",
        jobId: job.jobId,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
});
