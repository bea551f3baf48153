import { useFrame, useThree } from "@react-three/fiber";
import i18next from "i18next";
import { type RefObject, useEffect, useMemo } from "react";
import { useHostStore } from "../../stores/hostStore.ts";
import { HOST_HEIGHT } from "./HostCharacter.tsx";
import { renderedHost } from "./hostFrame.ts";
import { hostLineText } from "./hostLineText.ts";
import { placeElement, projectToScreen } from "./project.ts";
import "./hostBubble.css";

/**
 * The bubble shows up to this distance (the avenue's length: what the host says concerns the whole
 * street, and DOM text stays legible however far); the name tag a little farther.
 */
const BUBBLE_DISTANCE = 75;
const TAG_DISTANCE = 80;
/** Token text (countdowns) is re-rendered this often while a bubble shows. */
const RERENDER_MS = 1000;

/**
 * The host's name tag and speech bubble, projected into the DOM layer over the canvas each frame:
 * the bubble shows its current line (from the room's state) until `lineUntil`.
 */
export function HostBubble({ layer }: { layer: RefObject<HTMLDivElement | null> }) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const els = useMemo(() => {
    const tag = document.createElement("div");
    tag.className = "host-tag";
    tag.dataset.testid = "host-tag";
    const bubble = document.createElement("div");
    bubble.className = "host-bubble";
    bubble.dataset.testid = "host-bubble";
    bubble.setAttribute("role", "status");
    bubble.setAttribute("aria-live", "polite");
    const who = document.createElement("div");
    who.className = "host-bubble__who";
    const text = document.createElement("div");
    text.className = "host-bubble__text";
    bubble.append(who, text);
    tag.style.display = "none";
    bubble.style.display = "none";
    return { tag, bubble, who, text, renderedAt: 0, renderedId: -1, lang: "", shown: false, tagShown: false };
  }, []);
  const point = useMemo(() => ({ x: 0, y: 0, distance: 0 }), []);
  const body = useMemo(() => ({ x: 0, y: 0, distance: 0 }), []);

  useEffect(() => {
    const root = layer.current;
    if (!root) return;
    root.append(els.tag, els.bubble);
    return () => {
      els.tag.remove();
      els.bubble.remove();
      renderedHost.bubbleVisible = false;
      renderedHost.screen = null;
    };
  }, [layer, els]);

  useFrame(() => {
    const { line, status } = useHostStore.getState();
    const now = Date.now();
    const onScreen =
      renderedHost.visible &&
      projectToScreen(
        camera,
        renderedHost.x,
        renderedHost.y + HOST_HEIGHT + 0.25,
        renderedHost.z,
        size.width,
        size.height,
        TAG_DISTANCE,
        point,
      );
    renderedHost.screen = onScreen ? { x: point.x, y: point.y } : null;
    const bodyOnScreen =
      onScreen &&
      projectToScreen(
        camera,
        renderedHost.x,
        renderedHost.y + HOST_HEIGHT * 0.55,
        renderedHost.z,
        size.width,
        size.height,
        TAG_DISTANCE,
        body,
      );
    renderedHost.body = bodyOnScreen ? { x: body.x, y: body.y } : null;
    const name = status?.name ?? "";
    if (els.tag.textContent !== name) els.tag.textContent = name;
    const speaking = line !== null && now < line.until;
    const tagVisible = onScreen && !(speaking && point.distance < BUBBLE_DISTANCE) && name !== "";
    if (tagVisible !== els.tagShown) {
      els.tagShown = tagVisible;
      els.tag.style.display = tagVisible ? "" : "none";
    }
    if (tagVisible) {
      placeElement(els.tag, point.x, point.y);
      els.tag.style.opacity = Math.min(1, (TAG_DISTANCE - point.distance) / 10).toFixed(2);
    }

    const bubbleVisible = onScreen && speaking && point.distance < BUBBLE_DISTANCE;
    if (bubbleVisible && line) {
      const lang = i18next.language;
      if (line.id !== els.renderedId || lang !== els.lang || now - els.renderedAt > RERENDER_MS) {
        const text = hostLineText(line.text, now);
        if (els.text.textContent !== text) els.text.textContent = text;
        if (els.who.textContent !== name) els.who.textContent = name;
        els.bubble.dataset.lineId = String(line.id);
        els.renderedId = line.id;
        els.renderedAt = now;
        els.lang = lang;
      }
      placeElement(els.bubble, point.x, point.y);
    }
    if (bubbleVisible !== els.shown) {
      els.shown = bubbleVisible;
      els.bubble.style.display = bubbleVisible ? "" : "none";
    }
    renderedHost.bubbleVisible = bubbleVisible;
  }, -9);
  return null;
}
