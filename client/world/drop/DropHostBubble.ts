/**
 * The drop stage host's speech bubble: DOM over the canvas (cheap on software renderers: no extra
 * light, no shadow, text drawn by the browser), in the reader's language, redrawn when the line,
 * the language or a countdown second changes. Plain DOM: DropHost moves it each frame.
 */
import i18next from "i18next";
import type { Camera } from "three";
import { hostLineText } from "../host/hostLineText.ts";
import { placeElement, projectToScreen } from "../host/project.ts";
import { dropHostFrame } from "./dropHostFrame.ts";

/** Countdown tokens in the bubble are re-rendered this often. */
const RERENDER_MS = 1000;

export class DropHostBubble {
  /** The layer to put in the canvas's positioned wrapper. */
  readonly layer = document.createElement("div");
  private readonly bubble = document.createElement("div");
  private readonly who = document.createElement("div");
  private readonly text = document.createElement("div");
  private readonly point = { x: 0, y: 0, distance: 0 };
  private shown = false;
  private renderedId = -1;
  private renderedAt = 0;
  private lang = "";

  constructor() {
    this.layer.className = "host-layer";
    this.bubble.className = "host-bubble";
    this.bubble.dataset.testid = "drop-host-bubble";
    this.bubble.setAttribute("role", "status");
    this.bubble.setAttribute("aria-live", "polite");
    this.bubble.style.display = "none";
    this.who.className = "host-bubble__who";
    this.text.className = "host-bubble__text";
    this.bubble.append(this.who, this.text);
    this.layer.append(this.bubble);
  }

  /**
   * Shows the line until `lineUntil` on the server's clock (`now`), above a host `height` tall;
   * returns the words on screen ("" when no bubble shows).
   */
  update(camera: Camera, view: { width: number; height: number }, now: number, height: number): string {
    const f = dropHostFrame;
    const speaking = f.present && f.lineId > 0 && now < f.lineUntil && f.line.en !== undefined;
    const p = this.point;
    const onScreen =
      speaking && projectToScreen(camera, f.x, height + 0.12, f.z, view.width, view.height, 50, p);
    if (onScreen) {
      const lang = i18next.language;
      if (f.lineId !== this.renderedId || lang !== this.lang || now - this.renderedAt > RERENDER_MS) {
        const en = f.line.en ?? "";
        const line = { en, fr: f.line.fr || en, de: f.line.de || en, "zh-CN": f.line["zh-CN"] || en };
        const text = hostLineText(line, now);
        if (this.text.textContent !== text) this.text.textContent = text;
        if (this.who.textContent !== f.name) this.who.textContent = f.name;
        this.bubble.dataset.lineId = String(f.lineId);
        this.renderedId = f.lineId;
        this.renderedAt = now;
        this.lang = lang;
      }
      // Keep the bubble inside the stage: it leans right of the host when the host is near the edge.
      placeElement(this.bubble, Math.max(p.x, Math.min(170, view.width / 2)), p.y);
    }
    if (onScreen !== this.shown) {
      this.shown = onScreen;
      this.bubble.style.display = onScreen ? "" : "none";
    }
    return onScreen ? (this.text.textContent ?? "") : "";
  }
}
