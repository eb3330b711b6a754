import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { seededRandom } from "@/db/seed/random";
import { setClock } from "@/lib/clock";
import { expectEqualByHand } from "@/test/appraisal-figures";
import { useTestDatabase } from "@/test/database";
import { runYear } from "@/scripts/simulation/run";
import { seedWorld } from "@/scripts/simulation/seed-world";
import { generateWorld } from "@/scripts/simulation/world";

useTestDatabase();

// The scorecard over a generated stretch of the routing simulator (scripts/simulation): offers
// accepted, declined and lapsed, first contacts and missed deadlines, as the real use cases wrote them.
describe("the scorecard over a generated year", () => {
  afterAll(() => setClock(null));

  it("equals the record counted by hand", async () => {
    const random = seededRandom(16);
    const start = new Date("2025-03-01T00:00:00+08:00");
    const world = generateWorld(random, { experts: 8, requests: 24, days: 12, start });
    const { admin, filers } = await seedWorld(db, world, random, start);
    await runYear(db, world, random, admin, filers);
    setClock(null);
    const totals = await expectEqualByHand([2025]);
    expect(totals.offersMade).toBeGreaterThan(10);
    expect(totals.contacts).toBeGreaterThan(0);
  }, 600_000);
});
