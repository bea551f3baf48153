import type { Object3D, WebGLRenderer } from "three";
import { MeshoptDecoder } from "three/examples/jsm/libs/meshopt_decoder.module.js";
import { DRACOLoader } from "three/examples/jsm/loaders/DRACOLoader.js";
import { GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";
import { KTX2Loader } from "three/examples/jsm/loaders/KTX2Loader.js";
import { useWorldStore } from "../../stores/worldStore.ts";
import { fetchWithRetries } from "./fetchWithProgress.ts";

export type ModelStatus = "loading" | "ready" | "failed";

/** One glTF file of the catalog, loaded once however many products show it. */
type ModelRecord = {
  url: string;
  expectedBytes: number;
  receivedBytes: number;
  status: ModelStatus;
  scene: Object3D | null;
};

const records = new Map<string, ModelRecord>();
const listeners = new Set<() => void>();
/** The models of the catalog currently shown: what the progress figures are about. */
let tracked: ReadonlyMap<string, number> = new Map();
let loader: GLTFLoader | null = null;
let progressScheduled = false;

/**
 * One GLTFLoader for the session, with every decoder served from our own origin (the product
 * viewer parses with it too).
 */
export function gltfLoader(gl: WebGLRenderer): GLTFLoader {
  if (loader) return loader;
  const draco = new DRACOLoader().setDecoderPath("/decoders/draco/");
  const ktx2 = new KTX2Loader().setTranscoderPath("/decoders/basis/").detectSupport(gl);
  loader = new GLTFLoader().setDRACOLoader(draco).setKTX2Loader(ktx2).setMeshoptDecoder(MeshoptDecoder);
  return loader;
}

/**
 * Starts loading every model of the catalog not loaded yet (`models` maps URL → expected bytes,
 * from the catalog) and reports progress over exactly these models into worldStore.loading.
 * Call again with the new list when the catalog changes; finished models are kept.
 */
export function loadCatalogModels(
  models: ReadonlyMap<string, number>,
  gl: WebGLRenderer,
  /** Loaded too, but outside the progress figures (lighter levels of detail, sizes unknown). */
  extras: readonly string[] = [],
): void {
  tracked = models;
  const wanted: Array<[string, number]> = [...models, ...extras.map((url): [string, number] => [url, 0])];
  for (const [url, expectedBytes] of wanted) {
    if (records.has(url)) continue;
    const record: ModelRecord = { url, expectedBytes, receivedBytes: 0, status: "loading", scene: null };
    records.set(url, record);
    void load(record, gl);
  }
  reportProgress();
}

async function load(record: ModelRecord, gl: WebGLRenderer): Promise<void> {
  try {
    const buffer = await fetchWithRetries(record.url, (received) => {
      record.receivedBytes = received;
      scheduleProgress();
    });
    const base = record.url.slice(0, record.url.lastIndexOf("/") + 1);
    const gltf = await gltfLoader(gl).parseAsync(buffer, base);
    record.scene = gltf.scene;
    record.status = "ready";
  } catch (error) {
    console.warn(`Vitrine: the model ${record.url} could not be shown`, error);
    record.status = "failed";
  }
  for (const listener of listeners) listener();
  reportProgress();
}

function scheduleProgress(): void {
  if (progressScheduled) return;
  progressScheduled = true;
  setTimeout(() => {
    progressScheduled = false;
    reportProgress();
  }, 100);
}

function reportProgress(): void {
  let loadedBytes = 0;
  let totalBytes = 0;
  let settled = 0;
  const failed: string[] = [];
  for (const [url, expected] of tracked) {
    const r = records.get(url);
    totalBytes += expected;
    if (!r) continue;
    loadedBytes += r.status === "ready" ? expected : Math.min(r.receivedBytes, expected);
    if (r.status !== "loading") settled++;
    if (r.status === "failed") failed.push(url);
  }
  useWorldStore.getState().setLoading({ loadedBytes, totalBytes, done: settled === tracked.size, failed });
}

export function subscribeModels(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function modelStatus(url: string): ModelStatus {
  return records.get(url)?.status ?? "loading";
}

export function modelScene(url: string): Object3D | null {
  return records.get(url)?.scene ?? null;
}

/** How many of the tracked models are on screen-ready or have failed, for the test hook. */
export function modelCounts(): { loaded: number; failed: number } {
  let loaded = 0;
  let failed = 0;
  for (const url of tracked.keys()) {
    const s = records.get(url)?.status;
    if (s === "ready") loaded++;
    else if (s === "failed") failed++;
  }
  return { loaded, failed };
}
