import { randomBytes } from "node:crypto";
import { db } from "@/db";
import { enterprises, experts, expertRegions, expertSpecialties, stations, users, apiTokens } from "@/db/schema";
import type { ServiceMode, UserRole } from "@/lib/enums";
import { makeCreditCode } from "@/db/seed/demo-data";
import { seededRandom } from "@/db/seed/random";
import { hashToken, newTokenSecret } from "@/lib/auth/api-tokens";
import { loadActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { startSession } from "@/lib/auth/sessions";
import type { Actor, Permission } from "@/lib/authz";
import { normalizeCompanyName } from "@/lib/names";
import { termEndFor } from "@/lib/roster/term";

export const TEST_PASSWORD = "test-pass-2026";
let passwordHash: Promise<string> | undefined;
const random = seededRandom(Date.now() % 100000);
const unique = () => randomBytes(4).toString("hex");

async function createUser(role: UserRole, extra: Partial<typeof users.$inferInsert> = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await db
    .insert(users)
    .values({ email: `${role}-${unique()}@test.example`, passwordHash: await passwordHash, role, name: `${role} ${unique()}`, ...extra })
    .returning({ id: users.id });
  return user!.id;
}

async function actorOf(userId: string): Promise<Actor> {
  const actor = await loadActor(userId);
  if (!actor) throw new Error("fixture actor missing");
  return actor;
}

export async function createEnterpriseActor(name = `测试企业${unique()}有限公司`, regionCode = "330421002"): Promise<Actor> {
  const [enterprise] = await db
    .insert(enterprises)
    .values({ name, nameNormalized: normalizeCompanyName(name), creditCode: makeCreditCode(random, "330421"), regionCode, contactName: "张经理" })
    .returning({ id: enterprises.id });
  return actorOf(await createUser("enterprise", { enterpriseId: enterprise!.id }));
}

export async function createStationActor(regionCode = "330421002"): Promise<Actor> {
  const [station] = await db
    .insert(stations)
    .values({ name: `服务站${unique()}`, regionCode })
    .returning({ id: stations.id });
  return actorOf(await createUser("station", { stationId: station!.id }));
}

export async function createAdminActor(regionScope: string | null = null): Promise<Actor> {
  return actorOf(await createUser("admin", { regionScope }));
}

/**
 * A partner system's integration account: a filing platform (station staff of a new station in
 * `region`) or a reporting system (an admin scoped to `region`; null = the whole zone).
 */
export async function createIntegrationActor(kind: "station" | "admin", region: string | null = "330421"): Promise<Actor> {
  if (kind === "admin") return actorOf(await createUser("admin", { regionScope: region, integration: true }));
  const [station] = await db
    .insert(stations)
    .values({ name: `对接平台${unique()}`, regionCode: region ?? "330421" })
    .returning({ id: stations.id });
  return actorOf(await createUser("station", { stationId: station!.id, integration: true }));
}

export interface ExpertOptions {
  status?: "pending" | "active" | "suspended" | "retired";
  specialties?: string[];
  regions?: string[];
  homeRegionCode?: string;
  capacity?: number;
  termStart?: string | null;
  termYears?: number;
  languages?: string[];
  serviceModes?: ServiceMode[];
  name?: string;
  pausedUntil?: string | null;
}

export async function createExpertActor(options: ExpertOptions = {}): Promise<Actor> {
  const userId = await createUser("expert");
  const termStart = options.termStart === undefined ? "2025-01-01" : options.termStart;
  const [expert] = await db
    .insert(experts)
    .values({
      userId,
      status: options.status ?? "active",
      name: options.name ?? `专家${unique()}`,
      // Letters keep it clear of the 17-digit rule for lawyers' numbers, whatever the random part is.
      licenseNumber: `T-${Date.now()}-${unique().toUpperCase()}`,
      homeRegionCode: options.homeRegionCode ?? "330421",
      capacity: options.capacity ?? 5,
      languages: options.languages ?? ["zh"],
      serviceModes: options.serviceModes ?? ["onsite"],
      termStart,
      termEnd: termStart ? termEndFor(termStart, options.termYears ?? 3) : null,
      pausedUntil: options.pausedUntil ?? null,
    })
    .returning({ id: experts.id });
  const specialties = options.specialties ?? ["debt_collection", "contract"];
  if (specialties.length) await db.insert(expertSpecialties).values(specialties.map((specialtyCode) => ({ expertId: expert!.id, specialtyCode })));
  const regions = options.regions ?? ["330421"];
  if (regions.length) await db.insert(expertRegions).values(regions.map((regionCode) => ({ expertId: expert!.id, regionCode })));
  return actorOf(userId);
}

/** A bearer token acting as the given user (for calling route handlers as that actor), limited to `scopes` when given. */
export async function bearerFor(actor: Actor, scopes: Permission[] = []): Promise<string> {
  const secret = newTokenSecret();
  await db
    .insert(apiTokens)
    .values({ name: "test", tokenHash: hashToken(secret), prefix: secret.slice(0, 9), userId: actor.userId, createdBy: actor.userId, scopes });
  return secret;
}

/** A Cookie header value signing the actor in, as a browser holds it after a real sign-in (its session is a row). */
export async function sessionCookieFor(actor: Actor): Promise<string> {
  const { name, value } = await sessionCookie("next-auth.session-token", {
    userId: actor.userId,
    role: actor.role,
    sessionId: await startSession(actor.userId),
  });
  return `${name}=${encodeURIComponent(value)}`;
}
