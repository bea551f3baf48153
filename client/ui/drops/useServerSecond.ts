import { useEffect, useState } from "react";
import { serverNow, useDropStore } from "../../stores/dropStore.ts";

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
      // Wake 5 ms past the next whole server second (so rounding never lands on the old one), or
      // past the next phase instant if that comes first.
      const nextSecond = 1000 - (current % 1000) + 5;
      const nextInstant = Math.min(...moments.filter((m) => m > current).map((m) => m - current + 5));
      timer = setTimeout(tick, Math.min(nextSecond, nextInstant));
    };
    tick();
    return () => clearTimeout(timer);
  }, [offsetMs, key]);
  return now;
}
