import { useHostStore } from "../../stores/hostStore.ts";
import type { SceneSnapshot } from "../testHook.ts";
import { hostFrame, renderedHost } from "./hostFrame.ts";
import { hostLineText } from "./hostLineText.ts";

/** The host's part of `window.__vitrine.scene()`: where it was drawn, what it plays and says. */
export function hostSnapshot(): SceneSnapshot["host"] {
  const { status, line } = useHostStore.getState();
  if (!status || !renderedHost.visible) return null;
  const now = Date.now();
  return {
    x: renderedHost.x,
    z: renderedHost.z,
    anim: hostFrame.anim,
    clip: renderedHost.clip,
    mode: status.mode,
    lineId: line?.id ?? 0,
    line: line && now < line.until ? hostLineText(line.text, now) : "",
    bubbleVisible: renderedHost.bubbleVisible,
    screen: renderedHost.screen,
    body: renderedHost.body,
    tourId: status.tourId,
    tourStop: status.tourStop,
    followers: status.followers,
    presentingProductId: status.presentingProductId,
    announceDropId: status.announceDropId,
  };
}
