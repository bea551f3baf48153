import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import type { Camera, Object3D, Scene, Vector3 } from "three";
import { walkTo } from "../net/localInput.ts";
import { renderedAvatars } from "./avatars/renderedAvatars.ts";

/** Runs before anything else of a frame: closes the previous frame's counters, opens the next. */
const FIRST = -1000;

/** What every walkable scene reports: avatars as drawn, and the renderer's figures for the last whole frame. */
export type BaseSceneSnapshot = {
  avatars: Array<{ sessionId: string; name: string; x: number; z: number; isSelf: boolean }>;
  renderer: {
    calls: number;
    triangles: number;
    geometries: number;
    textures: number;
    programs: number;
    lights: number;
  };
  /** The camera as last drawn (reduced-motion tests compare two frames' pose: no sway, no bob). */
  camera: { position: [number, number, number]; quaternion: [number, number, number, number] };
};

/** The hook a scene publishes on `window` for end-to-end tests. */
export type SceneTestHookApi<Snapshot> = {
  /** Frames rendered since the canvas started. */
  frames: number;
  scene(): Snapshot;
  /**
   * Holds the render loop (one last frame is drawn) or lets it run again. Software rasterizers take
   * a minute to capture a page whose canvas renders continuously; a held scene captures in seconds.
   */
  holdFrames(hold: boolean): void;
  /** Walks the local avatar to a ground point, as a click on the ground there would. */
  walkTo(x: number, z: number): void;
  /**
   * Times the next `count` renders (benchmarks): each `gl.render` call plus a `gl.finish()`, so
   * the figure is what the GPU (or software rasterizer) really spent, not when the call returned.
   */
  measureFrames(count: number): Promise<FrameTimes>;
  /** What the next rendered frame draws, one row per draw call: the object's kind, name and material. */
  drawList(): Promise<DrawRow[]>;
};

/** One draw call of a frame (SceneTestHookApi.drawList): enough to tell which part of a scene issued it. */
export type DrawRow = {
  object: string;
  name: string;
  parent: string;
  material: string;
  /** Instances drawn (instanced meshes), or meshes a batch stands for. */
  instances: number;
};

/** Milliseconds per rendered frame over a measured run (SceneTestHookApi.measureFrames). */
export type FrameTimes = { frames: number; medianMs: number; p90Ms: number; meanMs: number };

function summarise(times: number[]): FrameTimes {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((a, t) => a + t, 0) / Math.max(1, sorted.length);
  return { frames: sorted.length, medianMs: at(0.5), p90Ms: at(0.9), meanMs: mean };
}

export type SceneParts = { camera: Camera; canvas: HTMLCanvasElement; scene: Scene };

/** Page position (CSS pixels) of a point already projected by `camera`, or null when off screen. */
export function pageScreenPoint(
  projected: Vector3,
  canvas: HTMLCanvasElement,
): { x: number; y: number } | null {
  const onScreen = projected.z < 1 && Math.abs(projected.x) < 1 && Math.abs(projected.y) < 1;
  if (!onScreen) return null;
  const rect = canvas.getBoundingClientRect();
  return {
    x: rect.left + ((projected.x + 1) / 2) * rect.width,
    y: rect.top + ((1 - projected.y) / 2) * rect.height,
  };
}

/**
 * Renderless, the one test hook of every walkable scene: turns off the renderer's per-render-call
 * counter reset so that `calls` and `triangles` cover a whole frame (transmission and environment
 * passes included), counts frames, and publishes `window[global]` with the avatars, the renderer's
 * figures and what `describe` adds of the room's own.
 */
export function SceneTestHook<Snapshot>({
  global,
  describe,
  continuous = true,
  onHold,
}: {
  global: string;
  describe: (base: BaseSceneSnapshot, parts: SceneParts) => Snapshot;
  /** Whether the loop runs continuously when not held (false: on demand, as on software rasterizers). */
  continuous?: boolean;
  onHold?: (held: boolean) => void;
}) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  const setFrameloop = useThree((s) => s.setFrameloop);
  const invalidate = useThree((s) => s.invalidate);
  const last = useMemo(() => ({ calls: 0, triangles: 0, started: false }), []);
  const room = useRef({ describe, onHold, continuous });
  room.current = { describe, onHold, continuous };

  const hook = useMemo<SceneTestHookApi<Snapshot>>(
    () => ({
      frames: 0,
      holdFrames(hold) {
        room.current.onHold?.(hold);
        setFrameloop(hold || !room.current.continuous ? "demand" : "always");
        invalidate();
      },
      walkTo,
      measureFrames(count) {
        return new Promise((resolve) => {
          const render = gl.render;
          const times: number[] = [];
          const context = gl.getContext();
          gl.render = (...args: Parameters<typeof render>) => {
            const started = performance.now();
            render.apply(gl, args);
            context.finish();
            times.push(performance.now() - started);
            if (times.length >= count) {
              gl.render = render;
              resolve(summarise(times));
            }
          };
          invalidate();
        });
      },
      drawList() {
        return new Promise((resolve) => {
          const render = gl.render;
          const direct = gl.renderBufferDirect;
          const rows: DrawRow[] = [];
          gl.renderBufferDirect = (cam, sc, geometry, material, object, group) => {
            const counted = object as Object3D & { count?: number };
            rows.push({
              object: object.type,
              name: object.name,
              parent: object.parent?.name || object.parent?.type || "",
              material: `${material.type}${material.name ? `:${material.name}` : ""}`,
              instances: (object.userData.members as number | undefined) ?? counted.count ?? 1,
            });
            direct.call(gl, cam, sc, geometry, material, object, group);
          };
          gl.render = (...args: Parameters<typeof render>) => {
            render.apply(gl, args);
            gl.render = render;
            gl.renderBufferDirect = direct;
            resolve(rows);
          };
          invalidate();
        });
      },
      scene() {
        const avatars = renderedAvatars.list
          .slice(0, renderedAvatars.count)
          .map((a) => ({ sessionId: a.sessionId, name: a.name, x: a.x, z: a.z, isSelf: a.isSelf }));
        let lights = 0;
        scene.traverse((o) => {
          if ((o as { isLight?: boolean }).isLight) lights++;
        });
        const renderer = {
          calls: last.calls,
          triangles: last.triangles,
          geometries: gl.info.memory.geometries,
          textures: gl.info.memory.textures,
          programs: gl.info.programs?.length ?? 0,
          lights,
        };
        const { position: p, quaternion: q } = camera;
        const pose: BaseSceneSnapshot["camera"] = {
          position: [p.x, p.y, p.z],
          quaternion: [q.x, q.y, q.z, q.w],
        };
        return room.current.describe(
          { avatars, renderer, camera: pose },
          { camera, canvas: gl.domElement, scene },
        );
      },
    }),
    [gl, camera, scene, last, setFrameloop, invalidate],
  );

  useEffect(() => {
    gl.info.autoReset = false;
    const w = window as unknown as Record<string, unknown>;
    w[global] = hook;
    return () => {
      gl.info.autoReset = true;
      if (w[global] === hook) delete w[global];
    };
  }, [gl, hook, global]);

  useFrame(() => {
    if (last.started) {
      last.calls = gl.info.render.calls;
      last.triangles = gl.info.render.triangles;
      hook.frames++;
    }
    last.started = true;
    gl.info.reset();
  }, FIRST);
  return null;
}
