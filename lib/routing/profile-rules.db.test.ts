import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { expertRoutingProfiles, offers, requests } from "@/db/schema";
import { requestStatusEnum } from "@/db/schema/enums";
import { ACTIVE_CASE_STATUSES } from "@/lib/requests/state-machine";
import { useTestDatabase } from "@/test/database";
import { createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { createTriagedRequest } from "@/test/routing-fixtures";
import { recentOffers, ROTATION_HALF_LIFE_DAYS, ROTATION_WINDOW_DAYS } from "./score";

useTestDatabase();

const DAY_MS = 86_400_000;

const profileOf = async (expertId: string) => (await db.select().from(expertRoutingProfiles).where(eq(expertRoutingProfiles.expertId, expertId)))[0]!;

// The routing profiles are computed in SQL (refresh_expert_routing_profile, migration 0005) from
// rules the TypeScript states too. These tests run the SQL and compare it with the TypeScript.
describe("the routing profile's SQL rules", () => {
  it("count as an expert's active cases exactly the statuses of ACTIVE_CASE_STATUSES", async () => {
    const enterprise = await createEnterpriseActor();
    const counted: Record<string, number> = {};
    for (const status of requestStatusEnum.enumValues) {
      const expert = await createExpertActor();
      const requestId = await createTriagedRequest(enterprise);
      await db.update(requests).set({ status, assignedExpertId: expert.expertId }).where(eq(requests.id, requestId));
      counted[status] = (await profileOf(expert.expertId!)).activeCases;
    }
    const expected = Object.fromEntries(
      requestStatusEnum.enumValues.map((s) => [s, (ACTIVE_CASE_STATUSES as readonly string[]).includes(s) ? 1 : 0]),
    );
    expect(counted).toEqual(expected);
  });

  it("heat rotation with ROTATION_HALF_LIFE_DAYS, over the ROTATION_WINDOW_DAYS before the latest offer", async () => {
    const expert = await createExpertActor();
    const requestId = await createTriagedRequest(await createEnterpriseActor());
    const latest = new Date("2026-06-01T00:00:00Z").getTime();
    const ages = [0, ROTATION_HALF_LIFE_DAYS, 3 * ROTATION_HALF_LIFE_DAYS, ROTATION_WINDOW_DAYS - 1, ROTATION_WINDOW_DAYS + 1];
    for (const days of ages) {
      const createdAt = new Date(latest - days * DAY_MS);
      await db.insert(offers).values({
        requestId,
        expertId: expert.expertId!,
        status: "declined",
        createdAt,
        answeredAt: createdAt,
        expiresAt: new Date(createdAt.getTime() + DAY_MS),
      });
    }
    const profile = await profileOf(expert.expertId!);
    expect(profile.rotationAt?.getTime()).toBe(latest);
    const expected = ages
      .filter((days) => days < ROTATION_WINDOW_DAYS)
      .reduce((sum, days) => sum + recentOffers(1, latest - days * DAY_MS, new Date(latest)), 0);
    expect(profile.rotationHeat).toBeCloseTo(expected, 9);
  });
});
