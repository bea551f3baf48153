import { useFrame, useThree } from "@react-three/fiber";
import { type RefObject, useEffect, useMemo } from "react";
import { Vector3 } from "three";
import { renderedAvatars } from "./renderedAvatars.ts";
import "./nameTags.css";

/** Labels farther than this from the camera are hidden; they fade out over the last few metres. */
const MAX_DISTANCE = 30;
const FADE_FROM = 20;
/** Height of a label's anchor above the avatar's feet. */
const LABEL_HEIGHT = 2.0;
export const NAME_TAG_PRIORITY = -10;

type Tag = { el: HTMLDivElement; shown: boolean };

/**
 * Projects every avatar's name into one DOM layer each frame: one absolutely positioned div per
 * avatar, no draw calls. Hides labels behind the camera or far away; the self label is distinct.
 */
export function NameTags({ layer }: { layer: RefObject<HTMLDivElement | null> }) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const state = useMemo(() => ({ tags: new Map<string, Tag>(), version: -1, seen: new Set<string>() }), []);
  const v = useMemo(() => new Vector3(), []);

  useEffect(
    () => () => {
      for (const t of state.tags.values()) t.el.remove();
      state.tags.clear();
      state.version = -1;
    },
    [state],
  );

  useFrame(() => {
    const root = layer.current;
    if (!root) return;
    const { list, count } = renderedAvatars;
    if (renderedAvatars.version !== state.version) {
      state.version = renderedAvatars.version;
      state.seen.clear();
      for (let i = 0; i < count; i++) {
        const a = list[i];
        if (!a) continue;
        state.seen.add(a.sessionId);
        let tag = state.tags.get(a.sessionId);
        if (!tag) {
          const el = document.createElement("div");
          el.className = "vitrine-tag";
          root.appendChild(el);
          tag = { el, shown: true };
          state.tags.set(a.sessionId, tag);
        }
        if (tag.el.textContent !== a.name) tag.el.textContent = a.name;
        tag.el.dataset.self = String(a.isSelf);
        tag.el.dataset.kind = a.kind;
        tag.el.dataset.connected = String(a.connected);
      }
      for (const [id, tag] of state.tags) {
        if (state.seen.has(id)) continue;
        tag.el.remove();
        state.tags.delete(id);
      }
    }
    for (let i = 0; i < count; i++) {
      const a = list[i];
      const tag = a && state.tags.get(a.sessionId);
      if (!a || !tag) continue;
      v.set(a.x, a.y + LABEL_HEIGHT, a.z);
      const distance = v.distanceTo(camera.position);
      v.applyMatrix4(camera.matrixWorldInverse);
      const visible = v.z < -0.2 && (a.isSelf || distance < MAX_DISTANCE);
      if (visible !== tag.shown) {
        tag.shown = visible;
        tag.el.style.display = visible ? "" : "none";
      }
      if (!visible) continue;
      v.applyMatrix4(camera.projectionMatrix);
      const x = (v.x * 0.5 + 0.5) * size.width;
      const y = (-v.y * 0.5 + 0.5) * size.height;
      tag.el.style.transform = `translate3d(${x.toFixed(1)}px, ${y.toFixed(1)}px, 0) translate(-50%, -100%)`;
      const alpha = a.isSelf
        ? 1
        : Math.min(1, Math.max(0, (MAX_DISTANCE - distance) / (MAX_DISTANCE - FADE_FROM)));
      tag.el.style.opacity = alpha.toFixed(2);
    }
  }, NAME_TAG_PRIORITY);
  return null;
}
