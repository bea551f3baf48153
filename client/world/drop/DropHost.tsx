import { useEnvironment } from "@react-three/drei";
import { useFrame, useThree } from "@react-three/fiber";
import i18next from "i18next";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Group } from "three";
import { serverNow } from "../../stores/dropStore.ts";
import { ENVIRONMENT_FILE } from "../atmosphere/Lighting.tsx";
import { hostLineText } from "../host/HostBubble.tsx";
import { clipFor, facesTarget, HOST_CROSSFADE_SECONDS } from "../host/hostClips.ts";
import { buildHostRig } from "../host/hostLook.ts";
import { type HostModel, loadHostModel } from "../host/hostModel.ts";
import { placeElement, projectToScreen } from "../host/project.ts";
import { dropHostFrame, onDropHostChange } from "./dropHostFrame.ts";
import { dropHostRegistry } from "./dropSceneHook.ts";
import "../host/hostBubble.css";

/** On the stage the host is drawn smaller than in the avenue, so that it and the piece share the frame. */
export const DROP_HOST_HEIGHT = 1.3;
/** Countdown tokens in the bubble are re-rendered this often. */
const RERENDER_MS = 1000;

/**
 * The avenue's host on the drop stage, beside the pedestal: the same model, look and clips as in
 * the avenue (client/world/host), posed from the drop room's `host` state, with its speech bubble in
 * the reader's language projected into a DOM layer over the canvas (cheap on software renderers: no
 * extra light, no shadow, text drawn by the browser).
 */
export function DropHost() {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const view = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const scene = useThree((s) => s.scene);
  const [compiled, setCompiled] = useState(false);
  const env = useEnvironment({ files: ENVIRONMENT_FILE });
  const [model, setModel] = useState<HostModel | null>(null);
  const root = useRef<Group>(null);

  // Load (and compile) the host only once the room has it on stage: a page kept out of the room (no
  // pass during early access) never pays for it, and a software-rendered page is not stalled for a
  // host it cannot see.
  const [onStage, setOnStage] = useState(dropHostFrame.present);
  useEffect(
    () =>
      onDropHostChange(() => {
        if (dropHostFrame.present) setOnStage(true);
      }),
    [],
  );

  useEffect(() => {
    if (!onStage) return;
    let live = true;
    loadHostModel(gl).then(
      (m) => {
        if (!live) return;
        setModel(m);
        invalidate();
      },
      (e: unknown) => console.warn("Vitrine: the host's model could not be loaded", e),
    );
    return () => {
      live = false;
    };
  }, [gl, invalidate, onStage]);

  const rig = useMemo(() => (model ? buildHostRig(model, env, DROP_HOST_HEIGHT) : null), [model, env]);

  // Compile its shaders off the main thread where the browser can (KHR_parallel_shader_compile)
  // before it first shows: on a software renderer a blocking compile stalls the page for seconds.
  useEffect(() => {
    if (!rig || !model) return;
    let live = true;
    gl.compileAsync(model.scene, camera, scene).then(
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
  }, [rig, model, gl, camera, scene, invalidate]);

  useEffect(
    () => () => {
      if (!rig) return;
      rig.mixer.stopAllAction();
      for (const m of rig.materials) m.dispose();
    },
    [rig],
  );

  // The bubble: DOM over the canvas, in the canvas's own positioned wrapper.
  const els = useMemo(() => {
    const layer = document.createElement("div");
    layer.className = "host-layer";
    const bubble = document.createElement("div");
    bubble.className = "host-bubble";
    bubble.dataset.testid = "drop-host-bubble";
    bubble.setAttribute("role", "status");
    bubble.setAttribute("aria-live", "polite");
    bubble.style.display = "none";
    const who = document.createElement("div");
    who.className = "host-bubble__who";
    const text = document.createElement("div");
    text.className = "host-bubble__text";
    bubble.append(who, text);
    layer.append(bubble);
    return { layer, bubble, who, text, shown: false, renderedId: -1, renderedAt: 0, lang: "" };
  }, []);
  useEffect(() => {
    const wrapper = gl.domElement.parentElement?.parentElement;
    if (!wrapper) return;
    wrapper.append(els.layer);
    return () => {
      els.layer.remove();
      dropHostRegistry.bubbleText = "";
    };
  }, [gl, els]);

  // On an on-demand canvas (slow machines), redraw when the host changes and when its line ends.
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

  const motion = useMemo(() => ({ heading: 0, initialised: false, name: "" }), []);
  const point = useMemo(() => ({ x: 0, y: 0, distance: 0 }), []);

  useFrame((_, delta) => {
    const f = dropHostFrame;
    const g = root.current;
    const present = f.present && rig !== null && compiled;
    dropHostRegistry.visible = present;
    if (g) g.visible = present;
    if (g && present && rig) {
      g.position.set(f.x, 0, f.z);
      let target = f.heading;
      if (facesTarget(f.anim)) {
        const dx = f.lookAtX - f.x;
        const dz = f.lookAtZ - f.z;
        // Half towards the piece, half towards the audience: it presents, it does not turn its back.
        if (dx * dx + dz * dz > 0.04) target = (Math.atan2(dx, dz) + f.heading) / 2;
      }
      if (!motion.initialised) motion.heading = target;
      motion.initialised = true;
      motion.heading += (target - motion.heading) * (1 - Math.exp(-Math.min(delta, 0.25) * 6));
      g.rotation.y = motion.heading;
      const name = clipFor(f.anim);
      if (name !== motion.name) {
        const next = rig.actions.get(name) ?? rig.actions.get("Idle") ?? null;
        if (next && next !== rig.current) {
          next.reset().setEffectiveWeight(1).play();
          if (rig.current) rig.current.crossFadeTo(next, HOST_CROSSFADE_SECONDS, false);
          else next.fadeIn(HOST_CROSSFADE_SECONDS);
          rig.current = next;
        }
        motion.name = name;
      }
      rig.mixer.update(Math.min(delta, 0.1));
    }

    // The line shows until lineUntil on the server's clock, in the reader's language.
    const now = serverNow();
    const speaking = f.present && f.lineId > 0 && now < f.lineUntil && f.line.en !== undefined;
    const onScreen =
      speaking &&
      projectToScreen(camera, f.x, DROP_HOST_HEIGHT + 0.12, f.z, view.width, view.height, 50, point);
    if (onScreen) {
      const lang = i18next.language;
      if (f.lineId !== els.renderedId || lang !== els.lang || now - els.renderedAt > RERENDER_MS) {
        const en = f.line.en ?? "";
        const line = { en, fr: f.line.fr || en, de: f.line.de || en, "zh-CN": f.line["zh-CN"] || en };
        const text = hostLineText(line, now);
        if (els.text.textContent !== text) els.text.textContent = text;
        if (els.who.textContent !== f.name) els.who.textContent = f.name;
        els.bubble.dataset.lineId = String(f.lineId);
        els.renderedId = f.lineId;
        els.renderedAt = now;
        els.lang = lang;
      }
      // Keep the bubble inside the stage: it leans right of the host when the host is near the edge.
      placeElement(els.bubble, Math.max(point.x, Math.min(170, view.width / 2)), point.y);
    }
    if (onScreen !== els.shown) {
      els.shown = onScreen;
      els.bubble.style.display = onScreen ? "" : "none";
    }
    dropHostRegistry.bubbleText = onScreen ? (els.text.textContent ?? "") : "";
  });

  return (
    <group ref={root} visible={false}>
      {model && rig ? (
        <group scale={rig.scale} position={[0, -rig.minY * rig.scale, 0]}>
          <primitive object={model.scene} />
        </group>
      ) : null}
    </group>
  );
}
