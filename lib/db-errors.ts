import { AppError } from "@/lib/errors";

/** Deadlock detected (40P01) and serialization failure (40001): PostgreSQL aborted one of two racing transactions. */
const CONTENTION_CODES = new Set(["40P01", "40001"]);

/** Whether the error (or one of its causes) is PostgreSQL giving up one side of a race; running it again is safe. */
export function isContentionFailure(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (CONTENTION_CODES.has((e as { code?: string }).code ?? "")) return true;
  }
  return false;
}

/**
 * A race that outlived its retries is a state conflict for the caller (409, "try again"), never an
 * internal error; anything else passes through unchanged.
 */
export function contentionAsConflict(error: unknown): unknown {
  return isContentionFailure(error) ? new AppError("conflict", "errors.conflict", { cause: error }) : error;
}
