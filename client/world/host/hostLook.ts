import {
  type AnimationAction,
  type AnimationClip,
  AnimationMixer,
  Box3,
  Color,
  LoopRepeat,
  Mesh,
  MeshStandardMaterial,
  type Object3D,
  type Texture,
  Vector3,
} from "three";
import { clipFor, HOST_CROSSFADE_SECONDS } from "./hostClips.ts";

/**
 * The host's own look, so it reads as the avenue's personality and never as a shopper: the stock
 * robot's orange shell becomes polished champagne gold, its grey parts pearl, its dark parts a deep
 * midnight lacquer, with a faint warm self-glow so it stays legible in the dusk light.
 */
const LOOK: Record<
  string,
  { color: string; metalness: number; roughness: number; emissive: string; glow: number }
> = {
  Main: { color: "#d8b46e", metalness: 0.9, roughness: 0.28, emissive: "#6b4a18", glow: 0.35 },
  Grey: { color: "#efe9dd", metalness: 0.25, roughness: 0.4, emissive: "#3a352c", glow: 0.25 },
  Black: { color: "#141824", metalness: 0.6, roughness: 0.3, emissive: "#0c1830", glow: 0.6 },
};

/** Replaces the model's materials with the host's tinted ones; returns them for disposal. */
export function dressHost(root: Object3D, env: Texture): MeshStandardMaterial[] {
  const made = new Map<string, MeshStandardMaterial>();
  root.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    o.raycast = () => {}; // a proxy takes the pointer; skinned raycasts are costly
    o.castShadow = false;
    o.receiveShadow = false;
    const swap = (m: MeshStandardMaterial): MeshStandardMaterial => {
      const key = m.name || "Main";
      let mine = made.get(key);
      if (!mine) {
        const look = LOOK[key] ?? LOOK.Main;
        mine = new MeshStandardMaterial({
          name: `host-${key}`,
          color: new Color(look?.color),
          metalness: look?.metalness,
          roughness: look?.roughness,
          emissive: new Color(look?.emissive),
          emissiveIntensity: look?.glow,
          envMap: env,
          envMapIntensity: 1.8,
        });
        made.set(key, mine);
      }
      return mine;
    };
    if (Array.isArray(o.material)) o.material = o.material.map((m) => swap(m as MeshStandardMaterial));
    else o.material = swap(o.material as MeshStandardMaterial);
  });
  return [...made.values()];
}

const rigBox = new Box3();
const rigSize = new Vector3();

/** The dressed host, scaled to `height` metres, with one looping action per clip (avenue and drop stage). */
export type HostRig = {
  mixer: AnimationMixer;
  actions: Map<string, AnimationAction>;
  materials: MeshStandardMaterial[];
  scale: number;
  minY: number;
  current: AnimationAction | null;
};

export function buildHostRig(
  model: { scene: Object3D; animations: AnimationClip[] },
  env: Texture,
  height: number,
): HostRig {
  const materials = dressHost(model.scene, env);
  rigBox.setFromObject(model.scene, true);
  rigBox.getSize(rigSize);
  const scale = rigSize.y > 1e-6 ? height / rigSize.y : 1;
  const mixer = new AnimationMixer(model.scene);
  const actions = new Map<string, AnimationAction>();
  for (const clip of model.animations) {
    const action = mixer.clipAction(clip);
    action.setLoop(LoopRepeat, Infinity);
    actions.set(clip.name, action);
  }
  return { mixer, actions, materials, scale, minY: rigBox.min.y, current: null };
}

/**
 * Crossfades the rig to the clip of a synchronised `anim` when it changed since the last call
 * (`playing.name` remembers the clip), unknown clips falling back to idle.
 */
export function playHostAnim(rig: HostRig, anim: number, playing: { name: string }): void {
  const name = clipFor(anim);
  if (name === playing.name) return;
  const next = rig.actions.get(name) ?? rig.actions.get("Idle") ?? null;
  if (next && next !== rig.current) {
    next.reset().setEffectiveWeight(1).play();
    if (rig.current) rig.current.crossFadeTo(next, HOST_CROSSFADE_SECONDS, false);
    else next.fadeIn(HOST_CROSSFADE_SECONDS);
    rig.current = next;
  }
  playing.name = name;
}
