import type { AnimationClip, Group, WebGLRenderer } from "three";
import { mergeSkinnedMeshes } from "../batching/mergeSkinned.ts";
import { gltfLoader } from "../products/modelLoader.ts";

/** The host's model, served from our own origin (server/http/static.ts serves assets/avatars). */
export const HOST_MODEL_URL = "/assets/avatars/RobotExpressive.glb";

export type HostModel = { scene: Group; animations: AnimationClip[] };

let pending: Promise<HostModel> | null = null;

/**
 * Loads the host's glTF once per page with the session's loader (decoders from our origin). The
 * scene is used as is: there is one host, so no clone is needed. Its hands (two skinned meshes,
 * two materials each) are merged into one skinned mesh per material: two draws instead of four.
 */
export function loadHostModel(gl: WebGLRenderer, url = HOST_MODEL_URL): Promise<HostModel> {
  if (!pending) {
    pending = gltfLoader(gl)
      .loadAsync(url)
      .then((gltf) => {
        mergeSkinnedMeshes(gltf.scene);
        return { scene: gltf.scene, animations: gltf.animations };
      });
    pending.catch(() => {
      pending = null; // a later mount may retry
    });
  }
  return pending;
}
