/**
 * The main thread's side of the intent worker (intentWorker.ts): one worker per process, started
 * on first use, restarted if it dies; models are trained there by key and questions classified
 * there, so nothing the classifier does blocks the rooms.
 */
import { Worker } from "node:worker_threads";
import type { Catalog } from "../../shared/catalog.ts";
import type { Locale } from "../../shared/constants.ts";
import type { Classification, FaqIntent } from "./intentClassifier.ts";
import type { WorkerReply, WorkerRequest } from "./intentWorker.ts";

const WORKER_URL = new URL("./intentWorker.ts", import.meta.url);

/** A trained model in the worker: classify questions with it. */
export type ClassifierHandle = { classify(text: string, locale: Locale): Promise<Classification> };

/** What pending work is rejected with when the worker was stopped on purpose (shutdown). */
export class IntentWorkerClosed extends Error {
  constructor() {
    super("The intent worker was stopped");
    this.name = "IntentWorkerClosed";
  }
}

export class IntentWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  /** Set by `close()`: the exit that follows is the shutdown, not a failure worth logging. */
  private closed = false;
  private readonly waiting = new Map<number, { resolve(c: Classification): void; reject(e: Error): void }>();
  private readonly training = new Map<string, { resolve(): void; reject(e: Error): void }[]>();

  /** Trains (or finds) the model for `key` in the worker. */
  train(key: string, faq: FaqIntent[], catalog: Catalog): Promise<ClassifierHandle> {
    return new Promise<void>((resolve, reject) => {
      const list = this.training.get(key) ?? [];
      list.push({ resolve, reject });
      this.training.set(key, list);
      this.post({ type: "train", key, faq, catalog });
    }).then(() => ({ classify: (text: string, locale: Locale) => this.classify(key, text, locale) }));
  }

  /** Stops the worker (shutdown). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.closed = true;
    if (w) await w.terminate();
  }

  private classify(key: string, text: string, locale: Locale): Promise<Classification> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.post({ type: "classify", id, key, text, locale });
    });
  }

  private post(request: WorkerRequest): void {
    this.ensureWorker().postMessage(request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    this.closed = false;
    const worker = new Worker(WORKER_URL);
    // An idle worker must not keep the process alive (tests, graceful shutdown).
    worker.unref();
    worker.on("message", (reply: WorkerReply) => this.onReply(reply));
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
      for (const list of this.training.values()) for (const t of list) t.reject(error);
      this.training.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) =>
      fail(this.closed ? new IntentWorkerClosed() : new Error(`The intent worker stopped (exit ${code})`)),
    );
    this.worker = worker;
    return worker;
  }

  private onReply(reply: WorkerReply): void {
    if (reply.type === "trained") {
      const list = this.training.get(reply.key) ?? [];
      this.training.delete(reply.key);
      for (const t of list) {
        if (reply.error) t.reject(new Error(`Training the host's intents failed: ${reply.error}`));
        else t.resolve();
      }
      return;
    }
    const w = this.waiting.get(reply.id);
    if (!w) return;
    this.waiting.delete(reply.id);
    if (reply.result) w.resolve(reply.result);
    else w.reject(new Error(`Classifying failed: ${reply.error ?? "no result"}`));
  }
}
