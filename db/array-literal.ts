/**
 * A PostgreSQL array literal for text or uuid values, to bind as one parameter (`= any($1::text[])`):
 * drizzle would spread a JavaScript array into a row of parameters. Every element is quoted, so an
 * empty string, a comma or a brace stays one element.
 */
export const arrayLiteral = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
