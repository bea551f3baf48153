/**
 * Adaptive quality for the avenue: from the frame times it is fed, picks a quality level (pixel
 * ratio, shadow map size, level-of-detail distance) that keeps the frame within a target. Pure and
 * clock-free, so its decisions are unit-tested by feeding it frame times; AdaptiveQuality.tsx feeds
 * it each frame's duration and applies the level.
 */

export type QualityLevel = {
  /** Device-pixel ratio ceiling (the canvas never exceeds the screen's own). */
  dpr: number;
  /** Shadow map size of every shadow-casting light. */
  shadowMapSize: number;
  /** Distance (m) beyond which products show their lighter level of detail. */
  lodDistance: number;
};

/** Cheapest first. */
export const QUALITY_LEVELS: readonly QualityLevel[] = [
  { dpr: 1, shadowMapSize: 512, lodDistance: 7 },
  { dpr: 1.25, shadowMapSize: 1024, lodDistance: 10 },
  { dpr: 1.5, shadowMapSize: 1024, lodDistance: 14 },
  { dpr: 1.75, shadowMapSize: 2048, lodDistance: 18 },
];

export type QualityOptions = {
  /** The frame time to keep (ms): 60 frames per second by default. */
  targetMs?: number;
  /** Frames per judgement: the median of a window decides, so one hitch changes nothing. */
  window?: number;
  /** Good windows in a row before trying the level above. */
  windowsToRaise?: number;
  levels?: readonly QualityLevel[];
  /** Where it starts (index into levels); the top level by default. */
  start?: number;
};

/** A window is slow when its median passes the target by this much: a level down. */
const SLOW = 1.25;
/** A window is good when its median keeps within this of the target (vsync rounds up a little). */
const GOOD = 1.05;

export class QualityController {
  readonly levels: readonly QualityLevel[];
  private readonly targetMs: number;
  private readonly window: number;
  private readonly windowsToRaise: number;
  private index: number;
  private times: number[] = [];
  private goodWindows = 0;
  /** Per level, how many times it proved too slow: each failure doubles the wait before retrying it. */
  private readonly failures: number[];

  constructor(options: QualityOptions = {}) {
    this.levels = options.levels ?? QUALITY_LEVELS;
    if (this.levels.length === 0) throw new Error("QualityController needs at least one level");
    this.targetMs = options.targetMs ?? 1000 / 60;
    this.window = options.window ?? 30;
    this.windowsToRaise = options.windowsToRaise ?? 4;
    this.index = Math.min(this.levels.length - 1, Math.max(0, options.start ?? this.levels.length - 1));
    this.failures = this.levels.map(() => 0);
  }

  get level(): QualityLevel {
    return this.levels[this.index] as QualityLevel;
  }

  get levelIndex(): number {
    return this.index;
  }

  /**
   * One frame's duration (ms). Returns the new level when this frame closes a window that changes
   * it, else null. Times that are not finite or not positive (a hidden tab, a paused loop) are ignored.
   */
  frame(ms: number): QualityLevel | null {
    if (!Number.isFinite(ms) || ms <= 0) return null;
    this.times.push(ms);
    if (this.times.length < this.window) return null;
    const sorted = this.times.sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    this.times = [];
    if (median > this.targetMs * SLOW) {
      this.goodWindows = 0;
      if (this.index === 0) return null;
      this.failures[this.index] = (this.failures[this.index] ?? 0) + 1;
      this.index--;
      return this.level;
    }
    if (median > this.targetMs * GOOD || this.index === this.levels.length - 1) {
      this.goodWindows = 0;
      return null;
    }
    this.goodWindows++;
    const above = this.failures[this.index + 1] ?? 0;
    // A level that failed before is retried ever more rarely: no see-saw between two levels.
    if (this.goodWindows < this.windowsToRaise * 2 ** above) return null;
    this.goodWindows = 0;
    this.index++;
    return this.level;
  }
}
