/**
 * The process' fact sink, so a room or a route records with one line (`recordFact({…})`) instead of
 * being handed a recorder through every constructor. The app sets it at start (`setFactSink`);
 * before that, and in tests that build routes alone, facts go nowhere.
 */
import { type Fact, type FactSink, NO_ANALYTICS } from "./recorder.ts";

let sink: FactSink = NO_ANALYTICS;

export function setFactSink(next: FactSink): void {
  sink = next;
}

/** The current sink (rooms keep it for their lifetime). */
export function factSink(): FactSink {
  return sink;
}

/** Records one fact; never throws, never waits (see AnalyticsRecorder.record). */
export function recordFact(fact: Fact): void {
  sink.record(fact);
}
