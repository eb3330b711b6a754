import type { Db } from "@/db";
import {
  enterprises,
  expertConflicts,
  expertRegions,
  experts,
  expertSpecialties,
  requestCounterparties,
  requests,
  requestSpecialties,
  users,
} from "@/db/schema";
import type { Random } from "@/db/seed/random";
import type { Actor } from "@/lib/authz";
import { normalizeCompanyName } from "@/lib/names";
import { nameVariant, type SimRequest, type SimWorld } from "./world";

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** Writes the roster, the companies and an admin; returns the admin and each company's filer. */
export async function seedWorld(db: Db, world: SimWorld, random: Random, start: Date) {
  const [admin] = await db
    .insert(users)
    .values({ email: "sim-admin@sim.example", passwordHash: "-", role: "admin", name: "模拟管理员" })
    .returning({ id: users.id });
  await inChunks(world.experts, (chunk) =>
    db
      .insert(users)
      .values(
        chunk.map((e) => ({ id: e.userId, email: `sim-expert-${e.index}@sim.example`, passwordHash: "-", role: "expert" as const, name: e.name })),
      ),
  );
  await inChunks(world.experts, (chunk) =>
    db.insert(experts).values(
      chunk.map((e) => ({
        id: e.id,
        userId: e.userId,
        status: "active" as const,
        name: e.name,
        licenseNumber: `SIM${String(e.index).padStart(6, "0")}`,
        homeRegionCode: e.home,
        languages: e.languages,
        serviceModes: e.modes,
        capacity: e.capacity,
        termStart: isoDate(start.getTime() - 100 * 86_400_000),
        termEnd: isoDate(start.getTime() + 3 * 365 * 86_400_000),
      })),
    ),
  );
  await inChunks(
    world.experts.flatMap((e) => e.specialties.map((specialtyCode) => ({ expertId: e.id, specialtyCode }))),
    (chunk) => db.insert(expertSpecialties).values(chunk),
  );
  await inChunks(
    world.experts.flatMap((e) => e.served.map((regionCode) => ({ expertId: e.id, regionCode }))),
    (chunk) => db.insert(expertRegions).values(chunk),
  );
  // Declared by name as the expert happens to write it, with the credit code when they know it.
  await inChunks(
    world.experts.flatMap((e) =>
      e.conflicts.map((c) => {
        const company = world.companies[c]!;
        const written = nameVariant(random, company.name);
        return {
          expertId: e.id,
          companyName: written,
          nameNormalized: normalizeCompanyName(written),
          creditCode: random.next() < 0.6 ? company.creditCode : null,
        };
      }),
    ),
    (chunk) => db.insert(expertConflicts).values(chunk),
  );

  const filers = new Map<number, { enterpriseId: string; userId: string }>();
  const companyRows = world.enterprises.map((i) => world.companies[i]!);
  const inserted: { id: string; creditCode: string | null }[] = [];
  await inChunks(companyRows, async (chunk) => {
    inserted.push(
      ...(await db
        .insert(enterprises)
        .values(
          chunk.map((c) => ({
            name: c.name,
            nameNormalized: normalizeCompanyName(c.name),
            creditCode: c.creditCode,
            regionCode: c.town,
            contactName: "联系人",
          })),
        )
        .returning({ id: enterprises.id, creditCode: enterprises.creditCode })),
    );
  });
  const userRows = companyRows.map((c, k) => ({
    email: `sim-company-${c.index}@sim.example`,
    passwordHash: "-",
    role: "enterprise" as const,
    name: "联系人",
    enterpriseId: inserted[k]!.id,
  }));
  const userIds: string[] = [];
  await inChunks(userRows, async (chunk) => userIds.push(...(await db.insert(users).values(chunk).returning({ id: users.id })).map((u) => u.id)));
  companyRows.forEach((c, k) => filers.set(c.index, { enterpriseId: inserted[k]!.id, userId: userIds[k]! }));

  const adminActor: Actor = {
    userId: admin!.id,
    role: "admin",
    email: "sim-admin@sim.example",
    name: "模拟管理员",
    enterpriseId: null,
    stationId: null,
    expertId: null,
    regionScope: null,
  };
  return { admin: adminActor, filers };
}

/**
 * Files one request as triaged when the admin triaged it (`triagedAt`), submitted at its arrival
 * (intake and triage themselves are not what is simulated, only the time they take).
 */
export async function fileTriagedRequest(
  db: Db,
  world: SimWorld,
  request: SimRequest,
  filer: { enterpriseId: string; userId: string },
  random: Random,
  triagedAt: Date,
): Promise<string> {
  const at = new Date(request.at);
  const [row] = await db
    .insert(requests)
    .values({
      title: `模拟诉求 ${request.index + 1}`,
      category: request.category,
      description: "模拟数据",
      status: "triaged",
      urgency: request.urgent ? "urgent" : "normal",
      regionCode: request.regionCode,
      language: request.language,
      serviceMode: request.serviceMode,
      enterpriseId: filer.enterpriseId,
      filedByUserId: filer.userId,
      submittedAt: at,
      triagedAt,
    })
    .returning({ id: requests.id });
  const requestId = row!.id;
  await db.insert(requestSpecialties).values(request.specialties.map((specialtyCode) => ({ requestId, specialtyCode })));
  await db.insert(requestCounterparties).values(
    request.counterparties.map((c) => {
      const company = world.companies[c]!;
      const written = nameVariant(random, company.name);
      return { requestId, name: written, nameNormalized: normalizeCompanyName(written), creditCode: random.next() < 0.5 ? company.creditCode : null };
    }),
  );
  return requestId;
}
