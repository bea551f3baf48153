/**
 * A token bucket on log lines (issue 10): 10,000 fuzzed messages made about 3,500 lines, each with
 * a stack, which is a way to fill a disk or drown the lines that matter. A budget lets `burst`
 * lines through at once and `perSecond` after that; the lines it holds back are counted, and the
 * next line it lets through carries that count (`suppressed`), so nothing is hidden silently.
 */
export type LogBudgetOptions = {
  burst: number;
  perSecond: number;
  /** Milliseconds; the server's clock in production, a manual one in tests. */
  now?: () => number;
};

export class LogBudget {
  private tokens: number;
  private last: number;
  private held = 0;
  private readonly burst: number;
  private readonly perSecond: number;
  private readonly now: () => number;

  constructor(options: LogBudgetOptions) {
    this.burst = options.burst;
    this.perSecond = options.perSecond;
    this.now = options.now ?? Date.now;
    this.tokens = options.burst;
    this.last = this.now();
  }

  /**
   * Takes one line from the budget: null when the line must not be written (it is counted), or
   * the number of lines held back since the last one written.
   */
  take(): { suppressed: number } | null {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) {
      this.held++;
      return null;
    }
    this.tokens -= 1;
    const suppressed = this.held;
    this.held = 0;
    return { suppressed };
  }
}

/** Lines of refused room messages per process: a few at once, then a couple a second. */
export const REFUSAL_LOG_BUDGET = { burst: 10, perSecond: 2 } as const;

/** Lines of Colyseus' own errors (decode failures, handler throws) per process. */
export const COLYSEUS_ERROR_LOG_BUDGET = { burst: 20, perSecond: 5 } as const;

/** The first line of a message or stack, at most `max` characters: one short line, no stack. */
export function firstLine(text: string, max = 200): string {
  const line = text.split("\n", 1)[0] ?? "";
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
