/**
 * Structured logs: one pino logger for the process, JSON lines on stdout (what log shippers read),
 * never pretty-printed. Components take a child (`logFor("drops")`) so every line names where it
 * comes from; errors go under `err` so pino serializes their stack.
 *
 * The level comes from LOG_LEVEL (server/config.ts applies it at start with `setLogLevel`); before
 * that, and in processes the test runner starts, it defaults to `warn` under `node --test` and
 * `info` otherwise, so tests stay quiet unless they ask.
 */
import { format } from "node:util";
import pino, { type DestinationStream, type Logger } from "pino";
import { COLYSEUS_ERROR_LOG_BUDGET, firstLine, LogBudget } from "./logBudget.ts";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

function initialLevel(): LogLevel {
  const fromEnv = process.env.LOG_LEVEL;
  if (
    fromEnv === "debug" ||
    fromEnv === "info" ||
    fromEnv === "warn" ||
    fromEnv === "error" ||
    fromEnv === "silent"
  )
    return fromEnv;
  // node:test sets NODE_TEST_CONTEXT in the processes it runs.
  return process.env.NODE_TEST_CONTEXT ? "warn" : "info";
}

const stdout: DestinationStream = pino.destination(1);
let destination: DestinationStream = stdout;

/**
 * Sends the process' log lines to `target` (a test that counts lines) until called again with
 * null (back to stdout). pino writes to the one stream it was built with, so that stream forwards.
 */
export function setLogDestination(target: DestinationStream | null): void {
  destination = target ?? stdout;
}

/** The process' root logger; prefer `logFor(component)`. */
export const rootLogger: Logger = pino(
  {
    level: initialLevel(),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  { write: (line: string) => destination.write(line) },
);

const children = new Map<string, Logger>();

/** The logger of one component (`drops`, `host`, `http`…): its lines carry `component`. */
export function logFor(component: string): Logger {
  let child = children.get(component);
  if (!child) {
    child = rootLogger.child({ component });
    children.set(component, child);
  }
  return child;
}

/** Applies LOG_LEVEL to the root logger and every component's logger. */
export function setLogLevel(level: LogLevel): void {
  rootLogger.level = level;
  for (const child of children.values()) child.level = level;
}

/** Logs an unexpected error with a message: the shape of the `logUnexpected` hooks. */
export function errorLogger(component: string): (message: string, error: unknown) => void {
  const log = logFor(component);
  return (message, error) => log.error({ err: error }, message);
}

/**
 * Colyseus' logger (`new Server({ logger })`) calls console-style methods with any arguments:
 * format them into one message, keeping an Error as `err`. Its warnings and errors (a message that
 * fails to decode is logged as a whole stack, once per message) become one short line each, at
 * most COLYSEUS_ERROR_LOG_BUDGET per second for the process, with the count of those held back.
 */
export function colyseusLogger(
  budget: LogBudget = new LogBudget(COLYSEUS_ERROR_LOG_BUDGET),
): Record<"debug" | "info" | "warn" | "error" | "trace", (...args: unknown[]) => void> {
  const log = logFor("colyseus");
  const at =
    (level: "debug" | "info" | "warn" | "error" | "trace") =>
    (...args: unknown[]) => {
      const err = args.find((a) => a instanceof Error);
      const rest = args.filter((a) => a !== err);
      if (level === "warn" || level === "error") {
        if (!log.isLevelEnabled(level)) return;
        const taken = budget.take();
        if (!taken) return;
        const text = firstLine([format(...rest), err?.message].filter(Boolean).join(": "));
        const fields = taken.suppressed > 0 ? { suppressed: taken.suppressed } : {};
        log[level](fields, text);
      } else if (err) log[level]({ err }, format(...rest));
      else log[level](format(...rest));
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), trace: at("trace") };
}
