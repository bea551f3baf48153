/** Time as the domain sees it: passed in, so tests can move it and nothing reads `Date.now()` directly. */
export type Clock = { now(): Date };

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and advance by hand. */
export type ManualClock = Clock & { set(at: Date): void; advance(ms: number): void };

export function manualClock(start: Date): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = at.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** Real time moved forward by hand: it keeps running (pages' countdowns tick), and `advance` jumps it. */
export type ShiftedClock = Clock & { advance(ms: number): void };

export function shiftedClock(): ShiftedClock {
  let shift = 0;
  return {
    now: () => new Date(Date.now() + shift),
    advance: (ms) => {
      shift += ms;
    },
  };
}
