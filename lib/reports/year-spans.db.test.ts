import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { createAcceptedCase } from "@/test/accepted-case";
import { useTestDatabase } from "@/test/database";
import { createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { makePeriod } from "./period";
import { yearSpans } from "./year-spans";

useTestDatabase();

describe("a period as whole years and months (the tables kept per year)", () => {
  it("takes whole years, this year so far only while nothing is on record later in the year, and more than half a year less its other months", async () => {
    const enterprise = await createEnterpriseActor();
    const expert = await createExpertActor();
    await createAcceptedCase({ enterprise, expert, submittedAt: new Date("2029-09-15T10:00:00+08:00") });
    await createAcceptedCase({ enterprise, expert, submittedAt: new Date("2031-03-15T10:00:00+08:00") });
    const monthsTo = (year: string, last: number) => Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}-01`);
    const spans = (from: string, to: string) => yearSpans(makePeriod(from, to), db);

    expect(await spans("2029-01-01", "2030-12-31")).toEqual({ years: ["2029-01-01", "2030-01-01"], months: [], less: [] });
    expect(await spans("2029-11-01", "2030-12-31")).toEqual({ years: ["2030-01-01"], months: ["2029-11-01", "2029-12-01"], less: [] });
    // 2031 so far: to March or later nothing follows (a filing in March), to February one does
    expect(await spans("2031-01-01", "2031-03-31")).toEqual({ years: ["2031-01-01"], months: [], less: [] });
    expect(await spans("2030-12-01", "2031-06-30")).toEqual({ years: ["2031-01-01"], months: ["2030-12-01"], less: [] });
    expect(await spans("2031-01-01", "2031-02-28")).toEqual({ years: [], months: ["2031-01-01", "2031-02-01"], less: [] });
    // a year that does not start in January is months, whatever follows
    expect(await spans("2031-02-01", "2031-05-31")).toEqual({
      years: [],
      months: ["2031-02-01", "2031-03-01", "2031-04-01", "2031-05-01"],
      less: [],
    });
    // an earlier year cut short before what it holds later is months; after it, a year
    expect(await spans("2029-01-01", "2029-06-30")).toEqual({ years: [], months: monthsTo("2029", 6), less: [] });
    expect(await spans("2029-01-01", "2029-09-30")).toEqual({ years: ["2029-01-01"], months: [], less: [] });
    // more than half a year: the year less the months the period does not hold ("the last 12 months": a year and two months)
    expect(await spans("2029-01-01", "2029-08-31")).toEqual({
      years: ["2029-01-01"],
      months: [],
      less: ["2029-09-01", "2029-10-01", "2029-11-01", "2029-12-01"],
    });
    expect(await spans("2029-02-01", "2029-12-31")).toEqual({ years: ["2029-01-01"], months: [], less: ["2029-01-01"] });
    expect(await spans("2028-10-01", "2029-08-31")).toEqual({
      years: ["2029-01-01"],
      months: ["2028-10-01", "2028-11-01", "2028-12-01"],
      less: ["2029-09-01", "2029-10-01", "2029-11-01", "2029-12-01"],
    });
    // … unless nothing follows in that year: this year so far
    expect(await spans("2028-12-01", "2029-11-30")).toEqual({ years: ["2029-01-01"], months: ["2028-12-01"], less: [] });
    expect(await spans("2030-07-01", "2031-02-28")).toEqual({
      years: [],
      months: [...monthsTo("2030", 12).slice(6), "2031-01-01", "2031-02-01"],
      less: [],
    });
  });
});
