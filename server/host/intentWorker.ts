/**
 * The host's intent classifier in a worker thread. Training takes seconds of CPU and the first
 * Chinese question compiles a dictionary for seconds more: the avenue rooms' fixed step must not
 * stall for either, so both happen here. The main thread talks to it through IntentWorkerClient
 * (intentWorkerClient.ts).
 */
import { parentPort } from "node:worker_threads";
import type { Catalog } from "../../shared/catalog.ts";
import type { Locale } from "../../shared/constants.ts";
import { buildEntityIndex, type EntityIndex } from "../../shared/host/entities.ts";
import { type FaqIntent, IntentClassifier } from "./intentClassifier.ts";

export type WorkerRequest =
  | { type: "train"; key: string; faq: FaqIntent[]; catalog: Catalog }
  | { type: "classify"; id: number; key: string; text: string; locale: Locale };

export type WorkerReply =
  | { type: "trained"; key: string; error?: string }
  | {
      type: "classified";
      id: number;
      result?: Awaited<ReturnType<IntentClassifier["classify"]>>;
      error?: string;
    };

/** Models by key; the two most recent are kept (rooms on the previous snapshot finish). */
const models = new Map<string, Promise<{ classifier: IntentClassifier; index: EntityIndex }>>();

const port = parentPort;
if (port) {
  port.on("message", (request: WorkerRequest) => {
    if (request.type === "train") {
      let model = models.get(request.key);
      if (!model) {
        const index = buildEntityIndex(request.catalog);
        model = IntentClassifier.train(request.faq, index).then(async (classifier) => {
          await classifier.warmUp();
          return { classifier, index };
        });
        models.set(request.key, model);
        while (models.size > 2) {
          const oldest = models.keys().next().value;
          if (oldest === undefined) break;
          models.delete(oldest);
        }
      }
      model.then(
        () => port.postMessage({ type: "trained", key: request.key } satisfies WorkerReply),
        (error: unknown) => {
          models.delete(request.key);
          port.postMessage({ type: "trained", key: request.key, error: String(error) } satisfies WorkerReply);
        },
      );
      return;
    }
    const model = models.get(request.key);
    if (!model) {
      port.postMessage({
        type: "classified",
        id: request.id,
        error: "model not trained",
      } satisfies WorkerReply);
      return;
    }
    model
      .then(({ classifier, index }) => classifier.classify(request.text, request.locale, index))
      .then(
        (result) => port.postMessage({ type: "classified", id: request.id, result } satisfies WorkerReply),
        (error: unknown) =>
          port.postMessage({
            type: "classified",
            id: request.id,
            error: String(error),
          } satisfies WorkerReply),
      );
  });
}
