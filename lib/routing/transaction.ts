import { db, type Tx } from "@/db";

const RETRYABLE = new Set(["40P01", "40001"]);
const ATTEMPTS = 4;

function isRetryable(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (RETRYABLE.has((e as { code?: string }).code ?? "")) return true;
  }
  return false;
}

/**
 * A routing transaction. A cascade can hold one expert's routing lock while it takes another's, so
 * two cascades crossing in opposite directions can deadlock; PostgreSQL then aborts one of them,
 * which simply runs again (its conditional updates decide afresh). Nothing else is retried.
 */
export async function routingTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
