import { sql } from "drizzle-orm";

/**
 * The outer expert's id for correlated subqueries. Drizzle leaves columns unqualified in the
 * select list of a one-table query, where a bare "id" inside a subquery would mean the inner
 * table's id; spelling out the table keeps the correlation right wherever the SQL lands.
 */
export const outerExpertId = sql.raw(`"experts"."id"`);
