import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { env } from "@/lib/env";

/**
 * The server's log: one JSON object a line on standard output (pino), so a log collector can read
 * it as it is. In development the same lines are printed readably instead (pino-pretty, in this
 * process: no worker thread). Lines written while a request is handled carry its request id.
 */

/** Keys whose values never reach the log, at any of the first three levels of what is logged. */
const SECRET_KEYS = new Set([
  "password",
  "currentPassword",
  "newPassword",
  "passwordHash",
  "token",
  "secret",
  "authorization",
  "cookie",
  "set-cookie",
]);
const REDACTED_DEPTH = 3;

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/**
 * What is logged with every secret key's value replaced, to the third level (arrays walked too);
 * the object itself when it holds none, so a line without secrets costs no copy. Done here rather
 * than with pino's path redaction, whose wildcard paths cost ten times the rest of a line.
 */
export function redactSecrets<T>(value: T, depth = 1): T {
  if (depth > REDACTED_DEPTH) return value;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => redactSecrets(item, depth + 1));
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (!isPlain(value)) return value;
  let copy: Record<string, unknown> | null = null;
  for (const [name, inner] of Object.entries(value)) {
    const next = SECRET_KEYS.has(name) ? "[redacted]" : redactSecrets(inner, depth + 1);
    if (next !== inner) (copy ??= { ...value })[name] = next;
  }
  return (copy ?? value) as T;
}

type SerializedError = { message: string; stack: string; cause?: unknown; params?: unknown; query?: unknown };

/**
 * Errors with their stack and cause. A failed drizzle query names its parameters in its message
 * and stack (a password hash, a token hash): they are cut out, the query itself is kept.
 */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const scrub = (record: SerializedError): SerializedError => {
    if (Array.isArray(record.params) && typeof record.query === "string") {
      const leak = `\nparams: ${String(record.params)}`;
      record.message = record.message.replaceAll(leak, "");
      record.stack = record.stack.replaceAll(leak, "");
      delete record.params;
    }
    if (record.cause && typeof record.cause === "object") record.cause = scrub(record.cause as SerializedError);
    return record;
  };
  return scrub(pino.stdSerializers.errWithCause(error) as unknown as SerializedError);
}

const context = new AsyncLocalStorage<Record<string, string>>();

/** Runs `work` with `bindings` (a request id) added to every line it logs, however deep. */
export function withLogContext<T>(bindings: Record<string, string>, work: () => T): T {
  return context.run(bindings, work);
}

/** A logger writing to `destination` (standard output when not given), at `level`. */
export function createLogger(level: string, destination?: DestinationStream, options: { readable?: boolean } = {}): Logger {
  return pino(
    {
      level,
      serializers: { err: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: (object) => redactSecrets(object) },
      mixin: () => context.getStore() ?? {},
    },
    destination ?? (options.readable ? pretty({ sync: true, ignore: "pid,hostname" }) : undefined),
  );
}

let current: Logger | undefined;

/** The process's logger (LOG_LEVEL, default info; warn under test). */
export function log(): Logger {
  if (!current) {
    const settings = env();
    current = createLogger(settings.LOG_LEVEL, undefined, { readable: settings.NODE_ENV === "development" });
  }
  return current;
}

/** Replaces the process's logger (tests read what is logged); undefined goes back to the default. */
export function setLogger(next: Logger | undefined): void {
  current = next;
}
