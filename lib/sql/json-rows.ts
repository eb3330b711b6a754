import { sql, type GetColumnData, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

type Fields = Record<string, AnyPgColumn>;
export type JsonRow<F extends Fields> = { [K in keyof F]: GetColumnData<F[K]> };

/** A column's value as it comes back in JSON, decoded to what drizzle returns for the column itself. */
function decode(column: AnyPgColumn, value: unknown): unknown {
  if (value === null) return null;
  // A JSON column is already a value; re-parsing would turn a stored string into something else.
  if (column.dataType === "json") return value;
  return column.mapFromDriverValue(value);
}

/**
 * The rows of a subquery as one column of the outer query, so a read with its lists stays one
 * statement: `query` gets the fields to select (under aliases of its own) and adds the rest
 * (from, where, a correlation to the outer row, order by). The rows come back in the subquery's
 * order (PostgreSQL aggregates a sorted subquery's rows as they come, as drizzle's relational
 * queries rely on too) and as drizzle returns them: timestamps as Dates, bigints as bigints.
 */
export function jsonRows<F extends Fields>(fields: F, query: (selected: Record<string, SQL.Aliased>) => SQLWrapper): SQL<JsonRow<F>[]> {
  const entries = Object.entries(fields);
  const selected = Object.fromEntries(
    // A bigint leaves as text: a JSON number loses precision above 2^53.
    entries.map(([, column], i) => [`f${i}`, (column.dataType === "bigint" ? sql`${column}::text` : sql`${column}`).as(`f${i}`)]),
  );
  const values = sql.join(
    entries.map((_, i) => sql.raw(`"r"."f${i}"`)),
    sql`, `,
  );
  return sql`(select coalesce(json_agg(json_build_array(${values})), '[]'::json) from (${query(selected)}) "r")`.mapWith((raw: unknown) => {
    const rows = (typeof raw === "string" ? JSON.parse(raw) : raw) as unknown[][];
    return rows.map((row) => Object.fromEntries(entries.map(([key, column], i) => [key, decode(column, row[i])])) as JsonRow<F>);
  });
}
