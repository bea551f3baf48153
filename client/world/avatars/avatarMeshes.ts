import {
  type BufferGeometry,
  Color,
  InstancedBufferAttribute,
  InstancedMesh,
  type Material,
  MeshBasicMaterial,
} from "three";
import { radialGlowTexture } from "../util/canvasTexture.ts";
import { avatarGeometry } from "./avatarGeometry.ts";
import type { AvatarMeshes } from "./avatarPose.ts";
import { FADE_ATTRIBUTE, fadeableMaterial } from "./fadeableMaterial.ts";

/** The name prefix of every mesh that draws avatars (the crowd's parts, the self halo). */
export const AVATAR_MESH_PREFIX = "avatar:";

function instanced(
  geometry: BufferGeometry,
  material: Material,
  count: number,
  fade: boolean,
): InstancedMesh {
  const g = geometry.clone();
  if (fade) g.setAttribute(FADE_ATTRIBUTE, new InstancedBufferAttribute(new Float32Array(count).fill(1), 1));
  const mesh = new InstancedMesh(g, material, count);
  mesh.count = 0;
  // Avatars move every frame: skip per-mesh culling rather than recomputing bounds each frame.
  mesh.frustumCulled = false;
  mesh.setColorAt(0, new Color(1, 1, 1));
  return mesh;
}

/**
 * One InstancedMesh per body part, sized for `capacity` avatars (limbs: two instances each).
 * The draw-call count is the same for one avatar or a hundred.
 */
export function createAvatarMeshes(capacity: number): { meshes: AvatarMeshes; dispose: () => void } {
  const geo = avatarGeometry();
  const cloth = fadeableMaterial({ roughness: 0.78, metalness: 0 });
  const skin = fadeableMaterial({ roughness: 0.55 });
  const hair = fadeableMaterial({ roughness: 0.45, metalness: 0.1 });
  const glow = radialGlowTexture(64, 1.4);
  const shadowMaterial = new MeshBasicMaterial({
    color: "#000000",
    map: glow,
    transparent: true,
    opacity: 0.5,
    depthWrite: false,
    polygonOffset: true,
    polygonOffsetFactor: -1,
  });
  const meshes: AvatarMeshes = {
    coat: instanced(geo.coat, cloth, capacity, true),
    head: instanced(geo.head, skin, capacity, true),
    hair: instanced(geo.hair, hair, capacity, true),
    legs: instanced(geo.leg, cloth, capacity * 2, true),
    arms: instanced(geo.arm, cloth, capacity * 2, true),
    shadow: instanced(geo.shadow, shadowMaterial, capacity, false),
  };
  meshes.shadow.renderOrder = 1;
  // Named for the draw list (SceneTestHook): tests and the bench count the avatars' share of a frame.
  for (const [part, mesh] of Object.entries(meshes)) mesh.name = `${AVATAR_MESH_PREFIX}${part}`;
  return {
    meshes,
    dispose: () => {
      for (const m of Object.values(meshes)) {
        m.geometry.dispose();
        m.dispose();
      }
      for (const m of [cloth, skin, hair, shadowMaterial]) m.dispose();
      glow.dispose();
    },
  };
}
