/** When the drop stage's host is loaded, compiled and redrawn (DropHost's effects). */
import { useThree } from "@react-three/fiber";
import { useEffect, useState } from "react";
import type { Object3D } from "three";
import { serverNow } from "../../stores/dropStore.ts";
import { dropHostFrame, onDropHostChange } from "./dropHostFrame.ts";

/**
 * Whether the room has put the host on stage yet (it stays true once it has). The host is loaded
 * only then: a page kept out of the room (no pass during early access) never pays for it, and a
 * software-rendered page is not stalled for a host it cannot see.
 */
export function useHostOnStage(): boolean {
  const [onStage, setOnStage] = useState(dropHostFrame.present);
  useEffect(
    () =>
      onDropHostChange(() => {
        if (dropHostFrame.present) setOnStage(true);
      }),
    [],
  );
  return onStage;
}

/**
 * Whether `object`'s shaders are compiled: off the main thread where the browser can
 * (KHR_parallel_shader_compile), before it first shows; on a software renderer a blocking compile
 * stalls the page for seconds.
 */
export function useCompiled(object: Object3D | null): boolean {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  const [compiled, setCompiled] = useState(false);
  useEffect(() => {
    if (!object) return;
    let live = true;
    gl.compileAsync(object, camera, scene).then(
      () => {
        if (!live) return;
        setCompiled(true);
        invalidate();
      },
      () => live && setCompiled(true),
    );
    return () => {
      live = false;
    };
  }, [object, gl, camera, scene, invalidate]);
  return compiled;
}

/** On an on-demand canvas (slow machines), redraws when the host changes and when its line ends. */
export function useRedrawOnHostChange(): void {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    let expiry: ReturnType<typeof setTimeout> | undefined;
    const off = onDropHostChange(() => {
      invalidate();
      clearTimeout(expiry);
      const left = dropHostFrame.lineUntil - serverNow();
      if (left > 0) expiry = setTimeout(() => invalidate(), left + 50);
    });
    return () => {
      off();
      clearTimeout(expiry);
    };
  }, [invalidate]);
}
