import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database, db } from "@/db";
import { notifications, specialties, users } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { confirmRequest } from "@/lib/requests/confirm-request";
import { resolveRequest } from "@/lib/requests/resolve-request";
import { startRequest } from "@/lib/requests/start-request";
import { acceptOffer } from "@/lib/routing/accept-offer";
import { declineOffer } from "@/lib/routing/decline-offer";
import { routeRequest } from "@/lib/routing/route-request";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { createTriagedRequest } from "@/test/routing-fixtures";
import { planOf, statementsDuring } from "@/test/statement-count";
import { adminsOf } from "./audience";

useTestDatabase();

let n = 0;
/** A company with two members, a request filed by the first, one expert for it, and admins in and out of its region. */
async function world() {
  n += 1;
  const code = `aud_${Date.now().toString(36)}_${n}`;
  await db.insert(specialties).values({ code, nameZh: code, nameEn: code });
  const filer = await createEnterpriseActor();
  const [colleague] = await db
    .insert(users)
    .values({ email: `colleague-${code}@test.example`, passwordHash: "x", role: "enterprise", name: "同事", enterpriseId: filer.enterpriseId })
    .returning({ id: users.id });
  const expert = await createExpertActor({ specialties: [code] });
  const admin = await createAdminActor("330421");
  const elsewhere = await createAdminActor("310118");
  const requestId = await createTriagedRequest(filer, { specialties: [code] });
  return { filer, colleagueId: colleague!.id, expert, admin, elsewhere, requestId };
}

async function told(kind: string, requestId: string): Promise<Set<string>> {
  const rows = await db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), eq(notifications.requestId, requestId)));
  return new Set(rows.map((r) => r.userId));
}

const idOf = (actor: Actor) => actor.userId;

describe("who is told of a change to a request", () => {
  it("tells every member of the filing company that an expert accepted, as it does of every other step", async () => {
    const { filer, colleagueId, expert, admin, requestId } = await world();
    const offer = await routeRequest(admin, requestId, {});
    await acceptOffer(expert, offer.offerId);
    expect(await told("request.assigned", requestId)).toEqual(new Set([idOf(filer), colleagueId]));
    await startRequest(expert, requestId);
    expect(await told("request.status", requestId)).toEqual(new Set([idOf(filer), colleagueId]));
  });

  it("tells the admins whose region covers the request, and no others, when no candidate is left", async () => {
    const { expert, admin, elsewhere, requestId } = await world();
    const offer = await routeRequest(admin, requestId, {});
    await declineOffer(expert, offer.offerId, { reason: "capacity" });
    const admins = await told("request.needs_attention", requestId);
    expect(admins.has(idOf(admin))).toBe(true);
    expect(admins.has(idOf(elsewhere))).toBe(false);
  });

  it("tells the expert, the admins and the company's other members when the company confirms, but not the one who confirmed", async () => {
    const { filer, colleagueId, expert, admin, requestId } = await world();
    await acceptOffer(expert, (await routeRequest(admin, requestId, {})).offerId);
    await resolveRequest(expert, requestId, "纠纷已化解。");
    await db.delete(notifications).where(eq(notifications.requestId, requestId));
    await confirmRequest(filer, requestId, { rating: 5 });
    const closed = await told("request.status", requestId);
    expect(closed.has(idOf(filer))).toBe(false);
    expect([idOf(expert), idOf(admin), colleagueId].every((id) => closed.has(id))).toBe(true);
  });

  it("finds the admins to tell of a filing through their index, not by reading every account", async () => {
    const { admin, elsewhere } = await world();
    const disabled = await createAdminActor("330421");
    await db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.id, idOf(disabled)));
    // many accounts, few of them admins, as in a district's roster
    await db.execute(sql`insert into users (email, password_hash, role, name)
      select 'member-' || g || '-' || ${Date.now()} || '@test.example', 'x', 'expert', '专家' from generate_series(1, 2000) g`);
    await db.execute(sql`analyze users`);
    const { result, statements, parameters } = await statementsDuring(database(), () => adminsOf(db, "330421001"));
    expect(result).toContain(idOf(admin));
    expect(result).not.toContain(idOf(elsewhere));
    expect(result).not.toContain(idOf(disabled));
    expect(statements).toHaveLength(1);
    const plan = await planOf(statements[0]!, parameters[0]!, { withoutSeqScans: true });
    expect(plan).toMatch(/Scan (using|on) users_active_admins_idx /);
  });
});
