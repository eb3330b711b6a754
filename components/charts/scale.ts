/**
 * Bar geometry for chart values that may be bigint fen. The ratio is for drawing only; every
 * amount a person reads is formatted from the exact value, never from this number.
 */
export function ratioOf(value: number | bigint, max: number | bigint): number {
  if (typeof value === "bigint" || typeof max === "bigint") {
    const v = BigInt(value);
    const m = BigInt(max);
    if (m <= 0n || v <= 0n) return 0;
    return Number((v * 10_000n) / m) / 10_000;
  }
  return max > 0 && value > 0 ? value / max : 0;
}

export function maxOf(values: (number | bigint)[]): number | bigint {
  return values.reduce<number | bigint>((m, v) => (v > m ? v : m), typeof values[0] === "bigint" ? 0n : 0);
}

export interface ChartDatum {
  key: string;
  label: string;
  value: number | bigint;
  /** The value as a person reads it ("¥1,234.56", "12"). */
  display: string;
  /** The value short enough to print above a narrow bar ("¥1.2万"); `display` when absent. */
  tick?: string;
  /** A short axis label ("3月" for March 2026), when `label` is too long to sit under a bar. */
  short?: string;
  /** A second axis line marking where a group starts (the year under January). */
  group?: string;
}
