import { eq } from "drizzle-orm";
import { db } from "@/db";
import { enterprises, expertConflicts, requestCounterparties, requests, requestSpecialties } from "@/db/schema";
import type { ServiceMode, Urgency } from "@/lib/enums";
import type { Actor } from "@/lib/authz";
import { normalizeCompanyName } from "@/lib/names";

export interface TriagedRequestOptions {
  specialties?: string[];
  regionCode?: string;
  urgency?: Urgency;
  counterparties?: { name: string; creditCode?: string }[];
  language?: string | null;
  serviceMode?: ServiceMode | null;
}

/** A request of the enterprise, already triaged and waiting to be routed. */
export async function createTriagedRequest(enterprise: Actor, options: TriagedRequestOptions = {}): Promise<string> {
  const [row] = await db
    .insert(requests)
    .values({
      title: "货款追收",
      category: "debt_collection",
      description: "对方拖欠货款，多次催收未果。",
      status: "triaged",
      urgency: options.urgency ?? "normal",
      regionCode: options.regionCode ?? "330421002",
      language: options.language ?? null,
      serviceMode: options.serviceMode ?? null,
      enterpriseId: enterprise.enterpriseId!,
      filedByUserId: enterprise.userId,
      triagedAt: new Date(),
    })
    .returning({ id: requests.id });
  const requestId = row!.id;
  const specialties = options.specialties ?? ["debt_collection"];
  if (specialties.length) await db.insert(requestSpecialties).values(specialties.map((specialtyCode) => ({ requestId, specialtyCode })));
  const parties = options.counterparties ?? [{ name: "杭州锦程贸易有限公司" }];
  if (parties.length) {
    await db
      .insert(requestCounterparties)
      .values(parties.map((p) => ({ requestId, name: p.name, nameNormalized: normalizeCompanyName(p.name), creditCode: p.creditCode ?? null })));
  }
  return requestId;
}

/** Declares a conflict of interest of an expert with a company. */
export async function declareConflict(expert: Actor, companyName: string, creditCode: string | null = null): Promise<void> {
  await db.insert(expertConflicts).values({ expertId: expert.expertId!, companyName, nameNormalized: normalizeCompanyName(companyName), creditCode });
}

export async function enterpriseOf(actor: Actor) {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, actor.enterpriseId!));
  return row!;
}
