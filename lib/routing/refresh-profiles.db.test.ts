import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, rowsOf } from "@/db";
import { useTestDatabase } from "@/test/database";
import { addCrowdOfExperts } from "@/test/directory-crowd";
import { refreshRoutingProfiles } from "./refresh-profiles";

useTestDatabase();

const columns = sql.raw(
  "expert_id, status, term_start::text, term_end::text, paused_until::text, capacity, home_region_code, languages::text, service_modes::text, specialties, served_regions, active_cases, pending_offers, offers_accepted, offers_declined, offers_expired, cases_resolved, cases_reassigned, rating_sum, rating_count, rotation_heat, rotation_at",
);
const profiles = async () => rowsOf(await db.execute(sql`select ${columns} from expert_routing_profiles order by expert_id`));

describe("refreshing many routing profiles", () => {
  it("holds no lock per expert: one transaction refreshes a whole roster with a handful of locks", async () => {
    await db.transaction(async (tx) => {
      await addCrowdOfExperts(tx, 1000);
      await tx.execute(sql`select refresh_expert_routing_profile(id) from experts`);
      // Locks on the tables and indexes touched, not one per expert refreshed.
      const [held] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from pg_locks where pid = pg_backend_pid()`));
      expect(held!.n).toBeLessThan(200);
    });
  });

  it("in batches, gives every expert the profile one statement gives", async () => {
    await db.execute(sql`select refresh_expert_routing_profile(id) from experts`);
    const once = await profiles();
    expect(once.length).toBeGreaterThanOrEqual(1000);
    await db.execute(sql`update expert_routing_profiles set active_cases = 9, offers_accepted = 9, rotation_heat = 9, specialties = '{}' where true`);
    expect(await profiles()).not.toEqual(once);
    expect(await refreshRoutingProfiles(db, 200)).toBe(once.length);
    expect(await profiles()).toEqual(once);
  });
});
