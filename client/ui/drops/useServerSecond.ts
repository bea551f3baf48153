import { useEffect, useState } from "react";
import { serverNow, useDropStore } from "../../stores/dropStore.ts";

/**
 * The server's current time (epoch ms), re-rendering the caller just after every server-second
 * boundary. Timers are aligned to the server's second, not the browser's, so two pages with
 * different local clocks flip their countdowns together.
 */
export function useServerSecond(): number {
  const offsetMs = useDropStore((s) => s.offsetMs);
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = Date.now() + offsetMs;
      setNow(current);
      // Wake 5 ms past the next whole server second, so rounding never lands on the old one.
      timer = setTimeout(tick, 1000 - (current % 1000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [offsetMs]);
  return now;
}
