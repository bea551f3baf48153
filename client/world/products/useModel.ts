import { useSyncExternalStore } from "react";
import { type ModelStatus, modelStatus, subscribeModels } from "./modelLoader.ts";

/** Re-renders the caller when the model at `url` finishes loading or fails. */
export function useModelStatus(url: string): ModelStatus {
  return useSyncExternalStore(subscribeModels, () => modelStatus(url));
}
