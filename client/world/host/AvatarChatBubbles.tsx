import { useFrame, useThree } from "@react-three/fiber";
import { type RefObject, useEffect, useMemo } from "react";
import { useChatStore } from "../../stores/chatStore.ts";
import { chatBubbles } from "../../ui/chat/chatBubbles.ts";
import { renderedAvatars } from "../avatars/renderedAvatars.ts";
import { placeElement, projectToScreen } from "./project.ts";

/** Bubbles sit above the name tag (2.0 m) and are read up to this distance. */
const BUBBLE_HEIGHT = 2.45;
const MAX_DISTANCE = 24;

type Bubble = { el: HTMLDivElement; lineId: string; shown: boolean };

/**
 * Chat bubbles over avatars for their nearby lines (client/ui/chat/chatBubbles.ts), projected into
 * the DOM layer over the canvas; muted speakers get none.
 */
export function AvatarChatBubbles({ layer }: { layer: RefObject<HTMLDivElement | null> }) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const state = useMemo(() => ({ bubbles: new Map<string, Bubble>() }), []);
  const point = useMemo(() => ({ x: 0, y: 0, distance: 0 }), []);

  useEffect(
    () => () => {
      for (const b of state.bubbles.values()) b.el.remove();
      state.bubbles.clear();
    },
    [state],
  );

  useFrame(() => {
    const root = layer.current;
    if (!root) return;
    const now = Date.now();
    const muted = useChatStore.getState().muted;
    for (const [id, b] of chatBubbles.bySession) {
      if (b.until <= now) {
        chatBubbles.bySession.delete(id);
        chatBubbles.version++;
      }
    }
    for (const [id, bubble] of state.bubbles) {
      if (!chatBubbles.bySession.has(id) || muted[id]) {
        bubble.el.remove();
        state.bubbles.delete(id);
      }
    }
    for (let i = 0; i < renderedAvatars.count; i++) {
      const a = renderedAvatars.list[i];
      if (!a) continue;
      const said = chatBubbles.bySession.get(a.sessionId);
      if (!said || muted[a.sessionId]) continue;
      let b = state.bubbles.get(a.sessionId);
      if (!b) {
        const el = document.createElement("div");
        el.className = "chat-bubble";
        el.dataset.testid = "chat-bubble";
        el.dataset.self = String(a.isSelf);
        root.appendChild(el);
        b = { el, lineId: "", shown: true };
        state.bubbles.set(a.sessionId, b);
      }
      if (b.lineId !== said.lineId) {
        b.el.textContent = said.text;
        b.lineId = said.lineId;
      }
      const visible = projectToScreen(
        camera,
        a.x,
        a.y + BUBBLE_HEIGHT,
        a.z,
        size.width,
        size.height,
        MAX_DISTANCE,
        point,
      );
      if (visible !== b.shown) {
        b.shown = visible;
        b.el.style.display = visible ? "" : "none";
      }
      if (visible) placeElement(b.el, point.x, point.y);
    }
  }, -9);
  return null;
}
