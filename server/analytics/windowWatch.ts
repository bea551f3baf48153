/**
 * Boutique passes and dwell near a window, seen from the avenue's fixed step. Every
 * `sampleEvery`-th step (not every step: the cost stays a fraction of the step) each avatar's
 * position is checked against the boutiques' windows; entering a window's zone records a
 * `boutique_pass`, leaving it after at least DWELL_MIN_MS records a `window_dwell` with the time
 * spent. Only numbers and a map per avatar: no allocation per avatar per sample beyond a state
 * change.
 */
import type { BoutiqueLayout } from "../../shared/avenue/layout.ts";
import type { FactSink, Visitor } from "./recorder.ts";

/** How far from a facade's centre (metres) someone is "at the window". */
export const WINDOW_RADIUS = 5;
/** Less than this in the zone is passing by, not stopping. */
export const DWELL_MIN_MS = 3000;

type Position = { x: number; z: number };
type Watched = { brandId: string; since: number; visitor: Visitor };

export class WindowWatch {
  private boutiques: readonly BoutiqueLayout[] = [];
  private readonly at = new Map<string, Watched>();
  private steps = 0;
  private readonly sink: FactSink;
  private readonly sampleEvery: number;

  constructor(sink: FactSink, sampleEvery = 5) {
    this.sink = sink;
    this.sampleEvery = sampleEvery;
  }

  /** The avenue's boutiques changed (catalog change): zones follow the new layout. */
  setBoutiques(boutiques: readonly BoutiqueLayout[]): void {
    this.boutiques = boutiques;
  }

  /**
   * Called on every fixed step with the avatars (by session id), who each is, and the time in ms.
   * Does work only on one step in `sampleEvery`.
   */
  step(avatars: Iterable<[string, Position]>, visitorOf: (sessionId: string) => Visitor, now: number): void {
    if (++this.steps % this.sampleEvery !== 0) return;
    const r2 = WINDOW_RADIUS * WINDOW_RADIUS;
    for (const [sessionId, p] of avatars) {
      let near: string | null = null;
      for (const b of this.boutiques) {
        const dx = p.x - b.facade.x;
        const dz = p.z - b.facade.z;
        if (dx * dx + dz * dz <= r2) {
          near = b.brandId;
          break;
        }
      }
      const current = this.at.get(sessionId);
      if (current?.brandId === near) continue;
      if (current) this.leave(sessionId, current, now);
      if (near) {
        const visitor = visitorOf(sessionId);
        this.at.set(sessionId, { brandId: near, since: now, visitor });
        this.sink.record({ kind: "boutique_pass", brandId: near, visitor });
      }
    }
  }

  /** Someone left the room: close their dwell. */
  depart(sessionId: string, now: number): void {
    const current = this.at.get(sessionId);
    if (current) this.leave(sessionId, current, now);
  }

  private leave(sessionId: string, watched: Watched, now: number): void {
    this.at.delete(sessionId);
    const valueMs = now - watched.since;
    if (valueMs >= DWELL_MIN_MS)
      this.sink.record({ kind: "window_dwell", brandId: watched.brandId, visitor: watched.visitor, valueMs });
  }
}
