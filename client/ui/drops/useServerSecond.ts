import { useEffect, useState } from "react";
import { serverNow, useDropStore } from "../../stores/dropStore.ts";

/**
 * How long (ms) to wait from server time `current` before the next redraw: 5 ms past the next whole
 * server second (so rounding never lands on the old one), or past the next of `instants` (epoch ms)
 * if that comes first.
 */
export function nextWakeMs(current: number, instants: readonly number[]): number {
  const nextSecond = 1000 - (current % 1000) + 5;
  const nextInstant = Math.min(...instants.filter((m) => m > current).map((m) => m - current + 5));
  return Math.min(nextSecond, nextInstant);
}

/**
 * The server's current time (epoch ms), re-rendering the caller just after every server-second
 * boundary and just after each of `instants` (epoch ms). Timers are aligned to the server's second,
 * not the browser's, so two pages with different local clocks flip their countdowns together; the
 * extra instants (a drop's phase changes) make the phase flip on its exact moment rather than up to
 * a second later, when the room may already have let the caller in.
 */
export function useServerSecond(instants: readonly number[] = []): number {
  const offsetMs = useDropStore((s) => s.offsetMs);
  const [now, setNow] = useState(serverNow);
  const key = instants.join(",");
  useEffect(() => {
    const moments = key ? key.split(",").map(Number) : [];
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = Date.now() + offsetMs;
      setNow(current);
      timer = setTimeout(tick, nextWakeMs(current, moments));
    };
    // The first reading comes from a timer, never from the effect itself: a state update made while
    // React commits counts as a nested update, and a busy page whose room patches arrive faster than
    // it renders chained one per patch into "Maximum update depth exceeded" (React error #185).
    timer = setTimeout(tick, 0);
    return () => clearTimeout(timer);
  }, [offsetMs, key]);
  return now;
}
