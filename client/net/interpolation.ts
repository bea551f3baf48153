/**
 * Snapshot interpolation for remote avatars: render each one slightly in the past, between the two
 * server snapshots that bracket that moment, so 20 Hz patches look smooth at any frame rate.
 */
export type Snapshot = { t: number; x: number; z: number; heading: number };

/** Keeps the last few snapshots of one avatar. */
export class SnapshotBuffer {
  private readonly items: Snapshot[] = [];
  private readonly capacity: number;

  constructor(capacity = 12) {
    this.capacity = capacity;
  }

  /**
   * Records a snapshot. Without `interval`, an unchanged pose refreshes the last snapshot's time so a
   * standing avatar does not lerp from an old position. With `interval` (the ms between this
   * avatar's updates, which may be longer than between patches), unchanged poses are skipped, so
   * motion spans the real update gaps; a change after a longer stillness first pins the old pose
   * one interval back, so the avatar starts walking then, not since it stopped.
   */
  push(s: Snapshot, interval?: number): void {
    const last = this.items[this.items.length - 1];
    const unchanged = last && last.x === s.x && last.z === s.z && last.heading === s.heading;
    if (interval !== undefined) {
      if (unchanged) return;
      if (last && s.t - last.t > interval * 1.5) this.items.push({ ...last, t: s.t - interval });
    } else if (last && unchanged) {
      if (this.items.length >= 2) last.t = s.t;
      else this.items.push(s);
      return;
    }
    this.items.push(s);
    while (this.items.length > this.capacity) this.items.shift();
  }

  get latest(): Snapshot | undefined {
    return this.items[this.items.length - 1];
  }

  /** Pose at time `t`, written into `out`; holds the newest pose past the end (no extrapolation). */
  sample(t: number, out: { x: number; z: number; heading: number }): void {
    const items = this.items;
    const first = items[0];
    if (!first) return;
    if (t <= first.t || items.length === 1) {
      copy(first, out);
      return;
    }
    for (let i = items.length - 1; i > 0; i--) {
      const a = items[i - 1];
      const b = items[i];
      if (a && b && t >= a.t) {
        if (t >= b.t) {
          copy(b, out);
          return;
        }
        const k = (t - a.t) / (b.t - a.t);
        out.x = a.x + (b.x - a.x) * k;
        out.z = a.z + (b.z - a.z) * k;
        out.heading = lerpAngle(a.heading, b.heading, k);
        return;
      }
    }
  }
}

function copy(s: Snapshot, out: { x: number; z: number; heading: number }): void {
  out.x = s.x;
  out.z = s.z;
  out.heading = s.heading;
}

/** Interpolates between two angles the short way round. */
export function lerpAngle(a: number, b: number, k: number): number {
  let d = (b - a) % (Math.PI * 2);
  if (d > Math.PI) d -= Math.PI * 2;
  if (d < -Math.PI) d += Math.PI * 2;
  return a + d * k;
}
