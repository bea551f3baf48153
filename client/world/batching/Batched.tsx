import { useFrame, useThree } from "@react-three/fiber";
import { type ReactNode, useEffect, useMemo, useRef } from "react";
import type { Group, Material, Mesh, Object3D } from "three";
import { worldStats } from "../worldStats.ts";
import { batchableMeshes } from "./batchKey.ts";
import { buildMeshBatches, disposeMeshBatches, type MeshBatches } from "./meshBatches.ts";

/** Frames between two looks for meshes that mounted later (behind Suspense, loaded models) or changed. */
const RESCAN_FRAMES = 20;

function signatureOf(meshes: readonly Mesh[]): string {
  return meshes
    .map((m) => {
      const mat = m.material as Material & { color?: { getHexString(): string } };
      return `${m.uuid}:${m.geometry.uuid}:${mat.uuid}:${mat.color?.getHexString() ?? ""}`;
    })
    .join(",");
}

type BatchState = { built: MeshBatches | null; signature: string; taken: Set<Object3D>; frame: number };

/** Whether `object` and all its ancestors are visible: the batches sit at the scene root, so they follow it by hand. */
function shownInWorld(object: Object3D): boolean {
  for (let o: Object3D | null = object; o; o = o.parent) if (!o.visible) return false;
  return true;
}

/** Shows the members again and frees the batches. */
function releaseBatches(state: BatchState, scene: Object3D): void {
  if (!state.built) return;
  for (const m of state.taken) m.visible = true;
  state.taken.clear();
  disposeMeshBatches(state.built, scene);
  state.built = null;
  state.signature = "";
}

/**
 * Draws its children's plain meshes as one BatchedMesh per material kind (batching/meshBatches.ts)
 * instead of one draw each: the avenue's facades, windows and signs of every boutique become a
 * handful of draws. The children stay mounted (React owns them, raycasts and tests still see
 * them) but hidden. `dynamic`: the members move (turntables), so their world matrices are copied
 * into the batch every frame. Members must not animate their materials or visibility: mark such
 * objects `userData.noBatch` (batchKey.ts) and they draw on their own; levels of detail under an
 * object marked `userData.batchLevels` are the exception (each instance follows its level). Hiding an ancestor of this
 * component hides its batches too (the host leaving the avenue).
 */
export function Batched({ children, dynamic = false }: { children: ReactNode; dynamic?: boolean }) {
  const root = useRef<Group>(null);
  const scene = useThree((s) => s.scene);
  const state = useMemo<BatchState>(() => ({ built: null, signature: "", taken: new Set(), frame: 0 }), []);

  useEffect(() => () => releaseBatches(state, scene), [state, scene]);

  useFrame(() => {
    const group = root.current;
    if (!group) return;
    if (state.frame++ % RESCAN_FRAMES === 0) {
      const meshes = batchableMeshes(group, state.taken);
      const signature = signatureOf(meshes);
      if (signature !== state.signature) {
        releaseBatches(state, scene);
        const built = buildMeshBatches(meshes, group);
        worldStats.batchBuilds++;
        for (const b of built.batches) {
          // Moving members leave the batch's bounds stale: each instance is still culled on its own.
          if (dynamic) b.frustumCulled = false;
          scene.add(b);
        }
        for (const m of built.members) {
          m.mesh.visible = false;
          state.taken.add(m.mesh);
        }
        state.built = built;
        state.signature = signature;
      }
    }
    if (state.built) {
      const shown = shownInWorld(group);
      for (const b of state.built.batches) b.visible = shown;
    }
    // Hidden members still get their world matrices from the scene's update (a frame behind: a
    // slow turntable shows no difference).
    if (!state.built) return;
    for (const m of state.built.members) {
      if (dynamic) m.batch.setMatrixAt(m.instance, m.mesh.matrixWorld);
      // Levels of detail switch by showing one level: its instances follow.
      if (m.level && m.batch.getVisibleAt(m.instance) !== m.level.visible)
        m.batch.setVisibleAt(m.instance, m.level.visible);
    }
  });

  return <group ref={root}>{children}</group>;
}
