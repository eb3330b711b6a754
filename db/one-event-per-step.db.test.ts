import { readFileSync } from "node:fs";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { events } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { createTriagedRequest } from "@/test/routing-fixtures";

useTestDatabase();

const MIGRATION = path.join(import.meta.dirname, "migrations/0017_one_event_per_step.sql");

/** Runs the migration again on rows written the old way (a fresh test database has none of its own). */
async function runMigration() {
  for (const statement of readFileSync(MIGRATION, "utf8").split("--> statement-breakpoint")) await db.execute(sql.raw(statement));
}

describe("merging the two events of one step (migration 0017)", () => {
  it("keeps one event per offer and per acceptance, carrying what both carried, and leaves other steps alone", async () => {
    const expert = await createExpertActor();
    const requestId = await createTriagedRequest(await createEnterpriseActor());
    const old = (type: string, at: string, data: Record<string, unknown>, entity: "request" | "offer" = "request") => ({
      type,
      entityType: entity,
      entityId: entity === "request" ? requestId : "offer-1",
      requestId,
      actorUserId: expert.userId,
      actorRole: "expert",
      data,
      at: new Date(at),
    });
    const offerData = { offerId: "offer-1", expertId: expert.expertId, expertName: "专家", rank: 1, score: 80, reasons: ["r"], manual: false };
    await db.insert(events).values([
      old("request.offer", "2026-03-01T02:00:00Z", { to: "offered", expertId: expert.expertId }),
      old("offer.created", "2026-03-01T02:00:00Z", offerData, "offer"),
      old("offer.declined", "2026-03-01T03:00:00Z", { offerId: "offer-1" }, "offer"),
      old("request.accept", "2026-03-01T04:00:00Z", { to: "accepted", offerId: "offer-2" }),
      old("offer.accepted", "2026-03-01T04:00:00Z", { offerId: "offer-2", expertId: expert.expertId, expertName: "专家" }, "offer"),
      // written by the demo data alone, with no step beside it
      old("offer.accepted", "2026-03-02T04:00:00Z", { offerId: "offer-3" }, "offer"),
    ]);
    await runMigration();
    const rows = await db
      .select({ type: events.type, entityType: events.entityType, entityId: events.entityId, data: events.data })
      .from(events)
      .where(eq(events.requestId, requestId))
      .orderBy(asc(events.at), asc(events.id));
    expect(rows).toEqual([
      { type: "request.offer", entityType: "request", entityId: requestId, data: { to: "offered", ...offerData } },
      { type: "offer.declined", entityType: "offer", entityId: "offer-1", data: { offerId: "offer-1" } },
      {
        type: "request.accept",
        entityType: "request",
        entityId: requestId,
        data: { to: "accepted", offerId: "offer-2", expertId: expert.expertId, expertName: "专家" },
      },
      { type: "request.accept", entityType: "request", entityId: requestId, data: { to: "accepted", offerId: "offer-3" } },
    ]);
  });
});
