import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { localInput } from "../../net/localInput.ts";
import { cameraControl, clampCamera } from "./cameraControl.ts";

/** Radians per pixel of drag. */
const YAW_SPEED = 0.005;
const PITCH_SPEED = 0.0035;
/** Pixels of travel before a press becomes a drag (a shorter press is a click-to-walk). */
const DRAG_SLOP = 5;

/**
 * Renderless: dragging on the canvas turns the camera (grab-the-world: drag right, the view
 * turns left), vertical drag tilts it, the wheel zooms within limits.
 */
export function PointerOrbit() {
  const element = useThree((s) => s.gl.domElement);
  useEffect(() => {
    const drag = { id: -1, startX: 0, startY: 0, lastX: 0, lastY: 0, active: false };
    const down = (e: PointerEvent) => {
      if (e.button !== 0 && e.button !== 2) return;
      drag.id = e.pointerId;
      drag.startX = drag.lastX = e.clientX;
      drag.startY = drag.lastY = e.clientY;
      drag.active = false;
    };
    const move = (e: PointerEvent) => {
      if (e.pointerId !== drag.id) return;
      if (!drag.active && Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY) > DRAG_SLOP) {
        drag.active = true;
        element.setPointerCapture(e.pointerId);
        element.style.cursor = "grabbing";
      }
      if (!drag.active) return;
      localInput.cameraYaw += (e.clientX - drag.lastX) * YAW_SPEED;
      cameraControl.pitch += (e.clientY - drag.lastY) * PITCH_SPEED;
      clampCamera();
      drag.lastX = e.clientX;
      drag.lastY = e.clientY;
    };
    const up = (e: PointerEvent) => {
      if (e.pointerId !== drag.id) return;
      if (drag.active && element.hasPointerCapture(e.pointerId)) element.releasePointerCapture(e.pointerId);
      if (drag.active) element.style.cursor = "";
      drag.id = -1;
      drag.active = false;
    };
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      cameraControl.distance *= Math.exp(e.deltaY * 0.0012);
      clampCamera();
    };
    const menu = (e: MouseEvent) => e.preventDefault();
    element.addEventListener("pointerdown", down);
    element.addEventListener("pointermove", move);
    element.addEventListener("pointerup", up);
    element.addEventListener("pointercancel", up);
    element.addEventListener("wheel", wheel, { passive: false });
    element.addEventListener("contextmenu", menu);
    return () => {
      element.removeEventListener("pointerdown", down);
      element.removeEventListener("pointermove", move);
      element.removeEventListener("pointerup", up);
      element.removeEventListener("pointercancel", up);
      element.removeEventListener("wheel", wheel);
      element.removeEventListener("contextmenu", menu);
    };
  }, [element]);
  return null;
}
