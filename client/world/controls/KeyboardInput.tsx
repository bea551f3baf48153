import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { localInput, walkTo } from "../../net/localInput.ts";
import { useComfortStore } from "../../ui/a11y/comfortStore.ts";
import { renderedSelf } from "../avatars/renderedAvatars.ts";

const KEYS: Record<string, "forward" | "back" | "left" | "right"> = {
  KeyW: "forward",
  ArrowUp: "forward",
  KeyS: "back",
  ArrowDown: "back",
  KeyA: "left",
  ArrowLeft: "left",
  KeyD: "right",
  ArrowRight: "right",
};

/** Q and E (by position: A and E on AZERTY) turn the camera by a fixed step: a snap, never a spin. */
const TURNS: Record<string, number> = { KeyQ: 1, KeyE: -1 };
export const SNAP_TURN = Math.PI / 4;
/** How far one key press carries the avatar when the person walks by steps (click to move). */
const STEP_METRES = 3;

/** True while the user is typing somewhere (chat, forms): keys then belong to that field. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

type HeldKeys = { forward: boolean; back: boolean; left: boolean; right: boolean; moving: boolean };

/**
 * Writes the held keys into `localInput` as a world direction. Runs in the key handlers too, not
 * only per frame: on a slow machine a short key press can fall entirely between two frames.
 */
function applyHeldKeys(held: HeldKeys): void {
  const f = (held.forward ? 1 : 0) - (held.back ? 1 : 0);
  const r = (held.right ? 1 : 0) - (held.left ? 1 : 0);
  if (f === 0 && r === 0) {
    if (held.moving) {
      localInput.dirX = 0;
      localInput.dirZ = 0;
      held.moving = false;
    }
    return;
  }
  const yaw = localInput.cameraYaw;
  // Forward is (sin yaw, cos yaw); the camera's right is (-cos yaw, sin yaw).
  const x = f * Math.sin(yaw) - r * Math.cos(yaw);
  const z = f * Math.cos(yaw) + r * Math.sin(yaw);
  const len = Math.hypot(x, z);
  localInput.dirX = x / len;
  localInput.dirZ = z / len;
  localInput.target = null;
  held.moving = true;
}

/** One step of `STEP_METRES` in the key's direction, relative to the camera, as a walk-to target. */
function stepOnce(key: keyof typeof DIRECTIONS): void {
  const self = renderedSelf();
  if (!self) return;
  const [f, r] = DIRECTIONS[key];
  const yaw = localInput.cameraYaw;
  const x = f * Math.sin(yaw) - r * Math.cos(yaw);
  const z = f * Math.cos(yaw) + r * Math.sin(yaw);
  walkTo(self.x + x * STEP_METRES, self.z + z * STEP_METRES);
}

const DIRECTIONS = { forward: [1, 0], back: [-1, 0], left: [0, -1], right: [0, 1] } as const;

/**
 * Renderless: WASD / arrow keys write a world-space walking direction into `localInput`, relative
 * to the camera's yaw (W walks away from the camera), and cancel any click-to-walk target.
 */
export function KeyboardInput() {
  const held = useMemo<HeldKeys>(
    () => ({ forward: false, back: false, left: false, right: false, moving: false }),
    [],
  );
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (typing(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      const turn = TURNS[e.code];
      if (turn !== undefined) {
        e.preventDefault();
        localInput.cameraYaw += turn * SNAP_TURN;
        return;
      }
      const key = KEYS[e.code];
      if (!key) return;
      e.preventDefault();
      if (useComfortStore.getState().settings.clickToMove) {
        // Walking by steps: each press sends the avatar a few metres that way, then it stops.
        if (!e.repeat) stepOnce(key);
        return;
      }
      held[key] = true;
      applyHeldKeys(held);
    };
    const up = (e: KeyboardEvent) => {
      const key = KEYS[e.code];
      if (key) held[key] = false;
      applyHeldKeys(held);
    };
    const release = () => {
      held.forward = held.back = held.left = held.right = false;
      applyHeldKeys(held);
    };
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    window.addEventListener("blur", release);
    document.addEventListener("focusin", release);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
      window.removeEventListener("blur", release);
      document.removeEventListener("focusin", release);
    };
  }, [held]);

  // Also on every frame, so the direction follows the camera while it turns.
  useFrame(() => applyHeldKeys(held));
  return null;
}
