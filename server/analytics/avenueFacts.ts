/**
 * What the avenue room records, behind one object so the room only calls it: a visit when an
 * avatar joins (under AVENUE_SCOPE, the platform's own numbers, not a brand's), and boutique passes
 * and window dwell from the fixed step (windowWatch.ts).
 */
import type { AvenueLayout } from "../../shared/avenue/layout.ts";
import type { FactSink, Visitor } from "./recorder.ts";
import { WindowWatch } from "./windowWatch.ts";

/** The `brand_id` of facts about the avenue as a whole. */
export const AVENUE_SCOPE = "_avenue";

type Walker = { identity: { userId: string | null } } | undefined;

/** The visitor a session stands for: its account when signed in, else the connection. */
export function visitorOfSession(userId: string | null | undefined, sessionId: string): Visitor {
  return userId ? { userId } : { sessionId };
}

export class AvenueFacts {
  private readonly sink: FactSink;
  private readonly windows: WindowWatch;
  private readonly walkerOf: (sessionId: string) => Walker;
  private readonly visitorOf = (sessionId: string): Visitor =>
    visitorOfSession(this.walkerOf(sessionId)?.identity.userId, sessionId);

  constructor(sink: FactSink, walkerOf: (sessionId: string) => Walker) {
    this.sink = sink;
    this.walkerOf = walkerOf;
    this.windows = new WindowWatch(sink);
  }

  setLayout(layout: AvenueLayout): void {
    this.windows.setBoutiques(layout.boutiques);
  }

  visit(userId: string | null, sessionId: string): void {
    this.sink.record({
      kind: "avenue_visit",
      brandId: AVENUE_SCOPE,
      visitor: visitorOfSession(userId, sessionId),
    });
  }

  step(avatars: Iterable<[string, { x: number; z: number }]>, now: number): void {
    this.windows.step(avatars, this.visitorOf, now);
  }

  depart(sessionId: string, now: number): void {
    this.windows.depart(sessionId, now);
  }
}
