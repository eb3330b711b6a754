/**
 * Next.js stores cached values as JSON: bigint (money in fen) and Date would not survive. `pack`
 * turns them into tagged objects and `unpack` back, so a cached read returns what the uncached one does.
 */
export function pack(value: unknown): unknown {
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(pack);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pack(v)]));
  return value;
}

export function unpack<T>(value: unknown): T {
  return unpackAny(value) as T;
}

function unpackAny(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpackAny);
  if (value && typeof value === "object") {
    const tagged = value as Partial<Record<"$bigint" | "$date", string>> & Record<string, unknown>;
    const keys = Object.keys(tagged);
    if (keys.length === 1 && typeof tagged.$bigint === "string") return BigInt(tagged.$bigint);
    if (keys.length === 1 && typeof tagged.$date === "string") return new Date(tagged.$date);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unpackAny(v)]));
  }
  return value;
}
