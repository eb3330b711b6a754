import type { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import type postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import { database, db } from "@/db";
import { experts, requests, specialties } from "@/db/schema";
import { createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { useTestDatabase } from "@/test/database";
import { fileAs, moveTo } from "@/test/request-fixtures";
import { expiryOf } from "./expired-tags";
import { listenForPublicChanges } from "./listen";
import { PUBLIC_CHANGE_CHANNEL, publicTags, type PublicTag } from "./tags";

useTestDatabase();

/** Waits up to a second for the tag to be expired after `since`; answers whether it was. */
async function expiredAfter(tag: PublicTag, since: number): Promise<boolean> {
  for (let waited = 0; waited < 1000; waited += 10) {
    if ((expiryOf(tag) ?? 0) > since) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

/** The tables announced on the channel from now on, as a listener of its own hears them. */
async function announcedTables(): Promise<string[]> {
  const heard: string[] = [];
  const { db: handle, kind } = database();
  const client = (handle as unknown as { $client: unknown }).$client;
  const hear = (table: string) => void heard.push(table);
  if (kind === "pglite") await (client as PGlite).listen(PUBLIC_CHANGE_CHANNEL, hear);
  else await (client as postgres.Sql).listen(PUBLIC_CHANGE_CHANNEL, hear);
  return heard;
}

describe("cached public data follows committed changes", () => {
  beforeAll(async () => {
    await listenForPublicChanges();
    // listening expires every tag, now and once more after the race margin: let both pass
    await new Promise((resolve) => setTimeout(resolve, 1100));
  });

  it("a suspended expert expires the directory, the figures and the commended list", async () => {
    const actor = await createExpertActor();
    const since = Date.now();
    await db.update(experts).set({ status: "suspended" }).where(eq(experts.id, actor.expertId!));
    expect(await expiredAfter(publicTags.directory, since)).toBe(true);
    expect(await expiredAfter(publicTags.stats, since)).toBe(true);
    expect(await expiredAfter(publicTags.commended, since)).toBe(true);
    expect(await expiredAfter(publicTags.specialties, since)).toBe(false);
  });

  it("a change rolled back expires nothing, the same change committed does", async () => {
    const since = Date.now();
    await db
      .transaction(async (tx) => {
        await tx.update(specialties).set({ nameEn: "Renamed" }).where(eq(specialties.code, "contract"));
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await expiredAfter(publicTags.specialties, since)).toBe(false);
    await db.update(specialties).set({ nameEn: "Contract disputes" }).where(eq(specialties.code, "contract"));
    expect(await expiredAfter(publicTags.specialties, since)).toBe(true);
  });

  it("a request's steps announce nothing until its expert's track record moves: a resolution and a rating expire the directory", async () => {
    const company = await createEnterpriseActor();
    const expert = await createExpertActor();
    const requestId = await fileAs(company);
    const heard = await announcedTables();
    await moveTo(requestId, "triaged");
    await moveTo(requestId, "accepted", expert);
    await db.update(requests).set({ status: "in_progress" }).where(eq(requests.id, requestId));
    // a notification of those commits would have arrived by the time the figures expire
    expect(await expiredAfter(publicTags.stats, Date.now())).toBe(true);
    expect(heard).toEqual([]);
    let since = Date.now();
    await db.update(requests).set({ status: "resolved", resolvedAt: new Date() }).where(eq(requests.id, requestId));
    expect(await expiredAfter(publicTags.directory, since)).toBe(true);
    expect(heard).toEqual(["expert_routing_profiles"]);
    since = Date.now();
    await db.update(requests).set({ status: "closed", rating: 5 }).where(eq(requests.id, requestId));
    expect(await expiredAfter(publicTags.directory, since)).toBe(true);
  });

  it("a filing moves the figures without announcing anything, and the figures expire within a second all the same", async () => {
    const company = await createEnterpriseActor();
    const heard = await announcedTables();
    const since = Date.now();
    await fileAs(company);
    // a notification of the filing's commit would have arrived by the time the figures expire
    expect(await expiredAfter(publicTags.stats, since)).toBe(true);
    expect(heard).toEqual([]);
  });
});
