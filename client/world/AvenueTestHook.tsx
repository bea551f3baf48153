import { type Camera, Vector3 } from "three";
import { useWorldStore } from "../stores/worldStore.ts";
import { beaconRegistry } from "./event/beaconRegistry.ts";
import { hostSnapshot } from "./host/hostSnapshot.ts";
import { displayedProducts } from "./products/displayedProducts.ts";
import { modelCounts, modelStatus } from "./products/modelLoader.ts";
import { type BaseSceneSnapshot, pageScreenPoint, SceneTestHook } from "./SceneTestHook.tsx";
import type { SceneSnapshot } from "./testHook.ts";
import { worldStats } from "./worldStats.ts";

const point = new Vector3();

/**
 * The displays of the catalog the scene shows now (the same function Products renders from), each
 * with the page position of its product's middle, so a test can click it.
 */
function currentDisplays(camera: Camera, canvas: HTMLCanvasElement): SceneSnapshot["displays"] {
  const { layout, catalog } = useWorldStore.getState();
  if (!layout || !catalog) return [];
  return displayedProducts(layout, catalog).map(({ product, slot, brandId, slotIndex }) => {
    point.set(slot.x, slot.y + product.model.displayHeight / 2, slot.z).project(camera);
    return {
      brandId,
      slot: slotIndex,
      productId: product.id,
      model: product.model.kind === "procedural" ? "procedural" : modelStatus(product.model.url),
      lod: product.model.kind === "gltf" && product.model.lodUrl ? modelStatus(product.model.lodUrl) : "none",
      screen: pageScreenPoint(point, canvas),
    };
  });
}

function describeAvenue(base: BaseSceneSnapshot, parts: { camera: Camera; canvas: HTMLCanvasElement }) {
  const models = modelCounts();
  const snapshot: SceneSnapshot = {
    ...base,
    boutiques: worldStats.boutiques,
    productsShown: worldStats.productsShown,
    batchBuilds: worldStats.batchBuilds,
    modelsLoaded: models.loaded,
    modelsFailed: models.failed,
    displays: currentDisplays(parts.camera, parts.canvas),
    beacons: [...beaconRegistry.entries()].map(([eventId, b]) => ({
      eventId,
      brandId: b.brandId,
      screen: pageScreenPoint(b.anchor.getWorldPosition(point).project(parts.camera), parts.canvas),
    })),
    host: hostSnapshot(),
  };
  return snapshot;
}

/** Renderless: publishes `window.__vitrine` (testHook.ts) for the avenue's scene. */
export function AvenueTestHook() {
  return <SceneTestHook global="__vitrine" describe={describeAvenue} />;
}
