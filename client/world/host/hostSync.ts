import type { LocalizedLine } from "../../../shared/host/chatMessages.ts";
import type { HostState } from "../../../shared/host/hostState.ts";
import { NEAR_INTERPOLATION_DELAY_MS } from "../../../shared/walking/rates.ts";
import { SnapshotBuffer } from "../../net/interpolation.ts";
import { type ChatEntry, useChatStore } from "../../stores/chatStore.ts";
import { useHostStore } from "../../stores/hostStore.ts";
import { hostFrame } from "./hostFrame.ts";

/** The host in a room's state, if the server put one there. */
export function hostOf(state: unknown): HostState | undefined {
  const host = (state as { host?: HostState } | null | undefined)?.host;
  return host && typeof host.x === "number" ? host : undefined;
}

/** A synchronised map of strings (the line per locale) as a plain object, English as fallback. */
function lineTexts(line: HostState["line"]): LocalizedLine {
  const en = line.get("en") ?? "";
  return { en, fr: line.get("fr") || en, de: line.get("de") || en, "zh-CN": line.get("zh-CN") || en };
}

/**
 * The client side of the host: interpolates its pose like a remote avatar's (rendered slightly in
 * the past between two snapshots), and copies what changes rarely (its line, mode, presentation,
 * announcement) into hostStore, logging each new line in the chat.
 */
export class HostSync {
  private readonly buffer = new SnapshotBuffer();
  private readonly sample = { x: 0, z: 0, heading: 0 };
  private lastLineId = -1;
  private seeded = false;

  /** Records a snapshot; called on each state patch. */
  onPatch(state: unknown, now: number): void {
    const host = hostOf(state);
    if (!host) return;
    this.buffer.push({ t: now, x: host.x, z: host.z, heading: host.heading });
    hostFrame.anim = host.anim;
    hostFrame.lookAtX = host.lookAtX;
    hostFrame.lookAtZ = host.lookAtZ;
    const store = useHostStore.getState();
    store.setStatus({
      name: host.name,
      mode: host.mode,
      presentingProductId: host.presentingProductId,
      tourId: host.tourId,
      tourStop: host.tourStop,
      followers: host.followers,
      announceDropId: host.announceDropId,
      announceAt: host.announceAt,
    });
    if (host.lineId !== this.lastLineId) {
      const first = this.lastLineId === -1;
      this.lastLineId = host.lineId;
      const text = lineTexts(host.line);
      if (text.en) {
        store.setLine({ id: host.lineId, text, until: host.lineUntil });
        // A line already on screen when we join is shown, but not logged as if just said.
        if (!first || host.lineUntil > Date.now()) this.logLine(host, text);
      } else store.setLine(null);
    } else if (store.line && store.line.until !== host.lineUntil) {
      store.setLine({ ...store.line, until: host.lineUntil });
    }
    this.seeded = true;
  }

  private logLine(host: HostState, text: LocalizedLine): void {
    const entry: ChatEntry = {
      id: `host-line-${host.lineId}`,
      at: Date.now(),
      receivedAt: Date.now(),
      channel: "nearby",
      from: { sessionId: "host", name: host.name, kind: "host" },
      text: text.en,
      localized: text,
      private: false,
      fromState: true,
    };
    useChatStore.getState().receiveHostLine(entry);
  }

  /** Writes the interpolated pose into hostFrame. */
  frame(now: number): void {
    if (!this.seeded) {
      hostFrame.present = false;
      return;
    }
    // The host rides the walkable room's 10 Hz patches: two intervals behind, like a near avatar.
    this.buffer.sample(now - NEAR_INTERPOLATION_DELAY_MS, this.sample);
    hostFrame.present = true;
    hostFrame.x = this.sample.x;
    hostFrame.z = this.sample.z;
    hostFrame.heading = this.sample.heading;
  }

  dispose(): void {
    hostFrame.present = false;
    useHostStore.getState().setStatus(null);
    useHostStore.getState().setLine(null);
  }
}
