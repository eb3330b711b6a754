import { db, type Tx } from "@/db";
import { contentionAsConflict, isContentionFailure } from "@/lib/db-errors";

const ATTEMPTS = 4;

/**
 * The transaction of a use case. When PostgreSQL aborts it as one side of a deadlock or a
 * serialization failure, it runs again from the start (its reads and conditional updates decide
 * afresh); after the last attempt the caller gets 409. Nothing else is retried.
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (!isContentionFailure(error)) throw error;
      if (attempt >= ATTEMPTS) throw contentionAsConflict(error);
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
