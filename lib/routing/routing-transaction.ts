import type { Tx } from "@/db";
import { inTransaction } from "@/lib/transaction";

/**
 * A routing transaction. A cascade can hold one expert's routing lock while it takes another's, so
 * two cascades crossing in opposite directions can deadlock; PostgreSQL then aborts one of them,
 * which simply runs again (see inTransaction).
 */
export function routingTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(work);
}
