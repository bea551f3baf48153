import { Color, type InstancedBufferAttribute } from "three";
import type { AvatarMeshes } from "./avatarPose.ts";
import { FADE_ATTRIBUTE } from "./fadeableMaterial.ts";
import { outfitFor } from "./outfits.ts";

/** Disconnected avatars turn pale and translucent, like a memory of someone who stepped away. */
const GHOST = new Color("#9aa0b4");
const GHOST_ALPHA = 0.38;
const c = new Color();

function set(mesh: AvatarMeshes[keyof AvatarMeshes], i: number, hex: string, connected: boolean) {
  c.set(hex);
  if (!connected) c.lerp(GHOST, 0.6);
  mesh.setColorAt(i, c);
  const fade = mesh.geometry.getAttribute(FADE_ATTRIBUTE) as InstancedBufferAttribute | undefined;
  fade?.setX(i, connected ? 1 : GHOST_ALPHA);
}

/** Writes avatar `i`'s outfit colours and fade into every part (on change only, not every frame). */
export function paintAvatar(m: AvatarMeshes, i: number, look: number, connected: boolean): void {
  const o = outfitFor(look);
  set(m.coat, i, o.coat, connected);
  set(m.head, i, o.skin, connected);
  set(m.hair, i, o.hair, connected);
  for (const s of [0, 1]) {
    set(m.legs, 2 * i + s, o.legs, connected);
    set(m.arms, 2 * i + s, o.sleeve, connected);
  }
  c.setRGB(1, 1, 1);
  m.shadow.setColorAt(i, c);
}
