import { getTableName, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * A column of the outer query, for correlated subqueries. Drizzle leaves columns unqualified in the
 * select list of a one-table query, where a bare "id" inside a subquery would mean the inner
 * table's id; spelling out the table keeps the correlation right wherever the SQL lands.
 */
export function outer(column: AnyPgColumn): SQL {
  return sql.raw(`"${getTableName(column.table)}"."${column.name}"`);
}
