import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makePeriod, splitAtMonths } from "./period";

const day = (offset: number) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe("splitAtMonths", () => {
  it("cuts a period into its whole months and the part-months at its ends, covering every day once", () => {
    fc.assert(
      fc.property(fc.nat(1100), fc.nat(800), (start, length) => {
        const period = makePeriod(day(start), day(start + length));
        const { months, parts } = splitAtMonths(period);
        const pieces = [
          ...parts.filter((p) => p.from < (months?.from ?? "9999")),
          ...(months ? [months] : []),
          ...parts.filter((p) => p.from > (months?.from ?? "9999")),
        ];
        // in order, end to end, from the period's first day to its last
        expect(pieces[0]!.from).toBe(period.from);
        expect(pieces.at(-1)!.to).toBe(period.to);
        for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.from).toBe(nextDay(pieces[i - 1]!.to));
        if (months) {
          expect(months.isWholeMonths).toBe(true);
          expect(parts.length).toBeLessThanOrEqual(2);
          for (const part of parts) {
            expect(part.isWholeMonths).toBe(false);
            expect(part.fromMonth).toBe(part.toMonth);
          }
        } else {
          // a period that holds no whole month is one part, whatever months it touches
          expect(parts).toEqual([period]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps a period of whole months whole, and reads 15 March to 20 September as two parts and five months", () => {
    const whole = makePeriod("2025-01-01", "2025-12-31");
    expect(splitAtMonths(whole)).toEqual({ months: whole, parts: [] });
    const { months, parts } = splitAtMonths(makePeriod("2025-03-15", "2025-09-20"));
    expect([months?.from, months?.to]).toEqual(["2025-04-01", "2025-08-31"]);
    expect(parts.map((p) => [p.from, p.to])).toEqual([
      ["2025-03-15", "2025-03-31"],
      ["2025-09-01", "2025-09-20"],
    ]);
    const within = makePeriod("2025-03-15", "2025-04-10");
    expect(splitAtMonths(within)).toEqual({ months: null, parts: [within] });
  });
});
