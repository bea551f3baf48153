/**
 * Why someone may not be in a room, declared once per room with `defineRefusals` and read the same
 * way everywhere: a refused join rejects with code REFUSED_JOIN_CODE and the refusal as JSON in its
 * message (the matchmaker answers over HTTP, so it is an HTTP status), and a person the room sends
 * away later receives a `refused` message, then a close with REFUSED_CLOSE_CODE.
 *
 * A refusal is `{ reason, message, ...fields }`: `reason` is a code the client translates, `message`
 * is said for people (English), and a room may add fields (the drop room says when to come back).
 */
import { z } from "zod";

/** `code` of the error a refused join rejects with (an HTTP status: the matchmaker answers over HTTP). */
export const REFUSED_JOIN_CODE = 403;
/** WebSocket close code when a room sends someone away after they joined. */
export const REFUSED_CLOSE_CODE = 4403;

type Reasons = readonly [string, ...string[]];

/**
 * Declares a room's refusals: its reason codes, the English message for each, and any extra fields
 * (give them a `.default()` when most refusals do not need them).
 */
export function defineRefusals<
  const R extends Reasons,
  const F extends z.ZodRawShape = Record<never, never>,
>(spec: { reasons: R; messages: { readonly [K in R[number]]: string }; fields?: F }) {
  const Reason = z.enum(spec.reasons);
  const Refusal = z.object({ reason: Reason, message: z.string() }).extend(spec.fields ?? ({} as F));
  type Refusal = z.output<typeof Refusal>;
  /** What `make` takes beside the reason: the extra fields, and `message` to say something more precise. */
  type Extra = Omit<z.input<typeof Refusal>, "reason" | "message"> & { message?: string };
  type ExtraArgs = Record<never, never> extends Extra ? [extra?: Extra] : [extra: Extra];

  /** The refusal for `reason`, with its message (or the one given). */
  function make(reason: R[number], ...[extra]: ExtraArgs): Refusal {
    return Refusal.parse({ message: spec.messages[reason], ...extra, reason });
  }

  /** A refusal carried by a message (`refused`), or null when the payload is not one. */
  function read(payload: unknown): Refusal | null {
    const parsed = Refusal.safeParse(payload);
    return parsed.success ? parsed.data : null;
  }

  /**
   * The refusal carried by a failed join (an error with `code` and `message`), or null: a refusal
   * at the door (REFUSED_JOIN_CODE, the refusal as JSON), or a room sending the connection away
   * as it is admitted (REFUSED_CLOSE_CODE before the join completed, the reason as the message).
   */
  function fromJoinError(error: unknown): Refusal | null {
    if (typeof error !== "object" || error === null) return null;
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof message !== "string") return null;
    if (code === REFUSED_CLOSE_CODE) {
      const reason = Reason.safeParse(message);
      return reason.success ? read({ message: spec.messages[reason.data], reason: reason.data }) : null;
    }
    if (code !== REFUSED_JOIN_CODE) return null;
    try {
      return read(JSON.parse(message));
    } catch {
      return null;
    }
  }

  return {
    Reason,
    Refusal,
    messages: spec.messages,
    joinCode: REFUSED_JOIN_CODE,
    closeCode: REFUSED_CLOSE_CODE,
    make,
    read,
    fromJoinError,
  };
}

/** A room's refusals, as `defineRefusals` returns them. */
export type RefusalSet<
  Refusal extends { reason: string; message: string } = { reason: string; message: string },
> = {
  readonly Refusal: z.ZodType<Refusal>;
  readonly joinCode: number;
  readonly closeCode: number;
  read(payload: unknown): Refusal | null;
  fromJoinError(error: unknown): Refusal | null;
};
