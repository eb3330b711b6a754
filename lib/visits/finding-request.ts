import { and, eq, isNull } from "drizzle-orm";
import { companyVisitFindings, companyVisits, enterprises, requests } from "@/db/schema";
import { requireDistrict, requirePermission, type Actor } from "@/lib/authz";
import type { Channel } from "@/lib/enums";
import { conflict, invalidField, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import type { Locale } from "@/lib/i18n/catalog";
import { translator } from "@/lib/i18n/translate";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { checkRequestReferences, requestColumns, writeRequestDetails } from "@/lib/requests/request-details";
import { inTransaction } from "@/lib/transaction";
import { uuidParam } from "@/lib/validation";
import type { FindingRequestInput } from "./schemas";
import { companyDistrictSql, visibleVisits } from "./scope";

const TITLE_MAX = 100;
/** The first `max` characters (whole characters, not UTF-16 halves), with an ellipsis when cut. */
function shortened(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * Turns a finding that needs work into a request for the visited company, once. Filed by an admin
 * of the company's district on the company's behalf (channel hotline: the law society's own
 * intake, as every request an admin files) or by a member of the company itself (web, or api
 * with a token); the expert asks for it by marking the finding (the district's admins are told).
 * The visiting expert is the request's preferred expert. 404 for a finding the actor may not see;
 * 409 for a finding that needs no work or already became a request (of two at once, one wins);
 * 422 for unknown references. Writes the request as filing does (its event carries the visit),
 * the finding's link to it, and the visit's event; the admins and the company are told.
 */
export async function requestFromFinding(
  actor: Actor | null,
  findingId: string,
  input: FindingRequestInput,
  options: { locale: Locale },
): Promise<{ requestId: string; caseNumber: string }> {
  const filer = requirePermission(actor, "request.create");
  requirePermission(filer, "visit.read");
  if (!uuidParam.safeParse(findingId).success) throw notFound();
  const t = translator(options.locale);
  return inTransaction(async (tx) => {
    const [found] = await tx
      .select({
        finding: companyVisitFindings.finding,
        recommendation: companyVisitFindings.recommendation,
        needsWork: companyVisitFindings.needsWork,
        requestId: companyVisitFindings.requestId,
        visitId: companyVisits.id,
        visitOn: companyVisits.visitOn,
        expertId: companyVisits.expertId,
        enterpriseId: companyVisits.enterpriseId,
        regionCode: enterprises.regionCode,
        district: companyDistrictSql,
      })
      .from(companyVisitFindings)
      .innerJoin(companyVisits, eq(companyVisits.id, companyVisitFindings.visitId))
      .innerJoin(enterprises, eq(enterprises.id, companyVisits.enterpriseId))
      .where(and(eq(companyVisitFindings.id, findingId), visibleVisits(filer)))
      .for("update", { of: companyVisitFindings });
    if (!found) throw notFound();
    if (!found.needsWork) throw conflict("visits.errors.noWorkNeeded");
    if (found.requestId) throw conflict("visits.errors.alreadyRequested");
    const regionCode = input.regionCode ?? found.regionCode ?? found.district ?? filer.regionScope;
    if (!regionCode) throw invalidField("regionCode", "errors.field.required");
    // An admin files for a region of its own district, as for a hotline call.
    const byAdmin = filer.enterpriseId === null;
    if (byAdmin) requireDistrict(filer, "request.create", regionCode);
    const details = { regionCode, specialties: [], counterparties: [], preferredExpertId: found.expertId };
    await checkRequestReferences(tx, details);
    const description =
      input.description ??
      [
        found.finding,
        found.recommendation ? `${t("visits.request.recommendation")}${found.recommendation}` : null,
        t("visits.request.source", { date: found.visitOn }),
      ]
        .filter(Boolean)
        .join("\n\n");
    const channel: Channel = byAdmin ? "hotline" : filer.tokenId ? "api" : "web";
    const [request] = await tx
      .insert(requests)
      .values({
        ...requestColumns({
          title: input.title ?? shortened(found.finding, TITLE_MAX),
          category: input.category,
          description,
          urgency: input.urgency,
          regionCode,
          amountAtStakeFen: 0n,
          preferredExpertId: found.expertId,
        }),
        channel,
        enterpriseId: found.enterpriseId,
        filedByUserId: filer.userId,
      })
      .returning({ id: requests.id, caseNumber: requests.caseNumber, title: requests.title });
    const requestId = request!.id;
    const [linked] = await tx
      .update(companyVisitFindings)
      .set({ requestId })
      .where(and(eq(companyVisitFindings.id, findingId), isNull(companyVisitFindings.requestId)))
      .returning({ id: companyVisitFindings.id });
    if (!linked) throw conflict("visits.errors.alreadyRequested");
    await writeRequestDetails(tx, requestId, details);
    await recordEvent(tx, filer, {
      type: "request.submitted",
      entityType: "request",
      entityId: requestId,
      requestId,
      data: { channel, visitId: found.visitId, findingId },
    });
    await recordEvent(tx, filer, {
      type: "visit.finding_request",
      entityType: "company_visit",
      entityId: found.visitId,
      regionCode: found.district,
      data: { findingId, requestId, caseNumber: request!.caseNumber },
    });
    await notify(tx, {
      userIds: await audienceOf(tx, "request.submitted", request!, filer.userId),
      kind: "request.submitted",
      requestId,
      data: { title: request!.title },
    });
    await notify(tx, {
      userIds: await audienceOf(tx, "request.received", request!),
      kind: "request.received",
      requestId,
      data: { title: request!.title, caseNumber: request!.caseNumber },
    });
    return { requestId, caseNumber: request!.caseNumber };
  });
}
