/**
 * The chat's guards: length, a per-person rate limit (rate-limiter-flexible, from the process's
 * LimiterStore: Redis when scaled out, so a person's lines count once across every shard and
 * process), profanity masking, and a buffer of recent lines from which reports copy the message
 * (a report never carries the text a client claims was said).
 */
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { CHAT_MAX_LENGTH, type ChatLine, type ChatRefused } from "../../shared/host/chatMessages.ts";
import { type LimiterStore, memoryLimiterStore } from "../http/limiterStore.ts";
import { maskProfanity } from "./chatFilter.ts";
import { removeInvisible } from "./chatNormalize.ts";

/** Lines one person may say per window, and the window in seconds. */
export const CHAT_RATE_POINTS = 5;
export const CHAT_RATE_WINDOW_SECONDS = 10;

export type ChatCheck = { ok: true; text: string } | { ok: false; refusal: ChatRefused };

export class ChatGate {
  private readonly limiter: RateLimiterAbstract;

  constructor(store: LimiterStore = memoryLimiterStore()) {
    this.limiter = store.counter({
      keyPrefix: "chat",
      points: CHAT_RATE_POINTS,
      durationSeconds: CHAT_RATE_WINDOW_SECONDS,
    });
  }

  /** Checks and cleans a line from `personKey` (user id, or session id for guests). */
  async check(personKey: string, raw: string): Promise<ChatCheck> {
    // Invisible characters removed first: they would hide words from the filter (chatNormalize.ts).
    const text = removeInvisible(raw).trim().replace(/\s+/g, " ");
    if (text.length === 0)
      return { ok: false, refusal: { code: "empty", message: "Write something first." } };
    if ([...text].length > CHAT_MAX_LENGTH) {
      return {
        ok: false,
        refusal: { code: "too_long", message: `Keep it under ${CHAT_MAX_LENGTH} characters.` },
      };
    }
    try {
      await this.limiter.consume(personKey);
    } catch (rejection) {
      const retryAfterMs =
        rejection instanceof RateLimiterRes ? rejection.msBeforeNext : CHAT_RATE_WINDOW_SECONDS * 1000;
      return {
        ok: false,
        refusal: {
          code: "rate_limited",
          message: "You are writing faster than the avenue can read. Wait a moment.",
          retryAfterMs,
        },
      };
    }
    return { ok: true, text: maskProfanity(text) };
  }
}

export type BufferedLine = { line: ChatLine; authorUserId: string | null; roomId: string };

/** The room's recent lines (as they were sent, filtered), for reports. */
export class ChatBuffer {
  private readonly size: number;
  private readonly lines = new Map<string, BufferedLine>();

  constructor(size = 500) {
    this.size = size;
  }

  add(entry: BufferedLine): void {
    this.lines.set(entry.line.id, entry);
    while (this.lines.size > this.size) {
      const oldest = this.lines.keys().next().value;
      if (oldest === undefined) break;
      this.lines.delete(oldest);
    }
  }

  get(id: string): BufferedLine | undefined {
    return this.lines.get(id);
  }

  /**
   * The line and up to `each` lines before and after it on its channel, oldest first: what a
   * moderator reads to judge it (the buffer keeps lines in the order they were said).
   */
  around(id: string, each = 3): BufferedLine[] {
    const target = this.lines.get(id);
    if (!target) return [];
    const sameChannel = [...this.lines.values()].filter((l) => l.line.channel === target.line.channel);
    const index = sameChannel.indexOf(target);
    return sameChannel.slice(Math.max(0, index - each), index + each + 1);
  }
}
