import { db, type DbOrTx } from "@/db";
import { requestSpecialties, requests } from "@/db/schema";
import type { Channel, RequestStatus } from "@/lib/enums";
import type { Actor } from "@/lib/authz";

/**
 * For tests and benchmarks only: a case filed by `enterprise` and accepted by `expert`, written
 * straight to the database (the filing and matching flows have their own tests).
 */
export async function createAcceptedCase(
  options: {
    enterprise: Actor;
    expert: Actor;
    status?: RequestStatus;
    regionCode?: string;
    channel?: Channel;
    stationId?: string | null;
    specialties?: string[];
    submittedAt?: Date;
    acceptedAt?: Date;
    title?: string;
  },
  handle: DbOrTx = db,
): Promise<string> {
  const submittedAt = options.submittedAt ?? new Date(Date.now() - 3 * 86_400_000);
  const [row] = await handle
    .insert(requests)
    .values({
      title: options.title ?? "货款追收",
      category: "debt_collection",
      description: "多家客户拖欠货款。",
      status: options.status ?? "accepted",
      channel: options.channel ?? "web",
      regionCode: options.regionCode ?? "330421",
      enterpriseId: options.enterprise.enterpriseId!,
      filedByUserId: options.enterprise.userId,
      stationId: options.stationId ?? null,
      assignedExpertId: options.expert.expertId,
      submittedAt,
      acceptedAt: options.acceptedAt ?? new Date(submittedAt.getTime() + 26 * 3_600_000),
    })
    .returning({ id: requests.id });
  const specialties = options.specialties ?? ["debt_collection"];
  if (specialties.length) await handle.insert(requestSpecialties).values(specialties.map((specialtyCode) => ({ requestId: row!.id, specialtyCode })));
  return row!.id;
}
