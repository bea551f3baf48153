/**
 * Runs an async job on request, never two at once and at most once per `minGapMs`: a burst of
 * requests (a rush of claims announces one change per unit) costs one run per gap, and a request
 * that arrives during a run is honoured by one more run after it, so the last change is never missed.
 */
export type ThrottledRunner = {
  request(): void;
  /** Cancels a scheduled run; a run in progress finishes. */
  stop(): void;
};

export function throttledRunner(
  minGapMs: number,
  job: () => Promise<void>,
  onError: (error: unknown) => void,
): ThrottledRunner {
  let running = false;
  let pending = false;
  let stopped = false;
  let lastStart = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;

  const run = async () => {
    timer = undefined;
    if (stopped) return;
    running = true;
    pending = false;
    lastStart = Date.now();
    try {
      await job();
    } catch (error) {
      onError(error);
    } finally {
      running = false;
      if (pending) schedule();
    }
  };

  function schedule(): void {
    if (stopped || timer) return;
    timer = setTimeout(run, Math.max(0, lastStart + minGapMs - Date.now()));
  }

  return {
    request() {
      if (running) pending = true;
      else schedule();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
