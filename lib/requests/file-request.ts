import { and, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { enterprises, requestReferrals, requests, stations } from "@/db/schema";
import type { Channel } from "@/lib/enums";
import { requireDistrict, requirePermission, type Actor } from "@/lib/authz";
import { AppError, conflict, forbidden, isUniqueViolation, type FieldErrors } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { normalizeCompanyName } from "@/lib/names";
import { maskIdNumber } from "@/lib/referrals/id-number";
import { idNumberDigest } from "@/lib/referrals/id-number-digest";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { checkRequestReferences, requestColumns, writeRequestDetails } from "./request-details";
import type { FileRequestInput } from "./schemas";

export interface FiledRequest {
  id: string;
  /** 受理编号, given by the database at insert (see db/README.md, "Case numbers"). */
  caseNumber: string;
  status: (typeof requests.$inferSelect)["status"];
  channel: Channel;
  enterpriseId: string;
  stationId: string | null;
  submittedAt: Date;
  /** True when this answer repeats an earlier filing with the same idempotency key. */
  replayed: boolean;
}

const filedColumns = {
  id: requests.id,
  caseNumber: requests.caseNumber,
  status: requests.status,
  channel: requests.channel,
  enterpriseId: requests.enterpriseId,
  stationId: requests.stationId,
  submittedAt: requests.submittedAt,
};

async function findByKey(actor: Actor, key: string): Promise<FiledRequest | null> {
  const [row] = await db
    .select(filedColumns)
    .from(requests)
    .where(and(eq(requests.filedByUserId, actor.userId), eq(requests.idempotencyKey, key)));
  return row ? { ...row, replayed: true } : null;
}

/**
 * A station's walk-in (or an admin's caller or referred party): the registered company with that
 * credit code, or a new record for them. A person's ID number is kept only masked and as a keyed
 * digest (lib/referrals/id-number.ts), never as typed.
 */
async function walkInEnterpriseId(tx: Tx, walkIn: NonNullable<FileRequestInput["enterprise"]>, regionCode: string): Promise<string> {
  const values = {
    name: walkIn.name,
    nameNormalized: normalizeCompanyName(walkIn.name),
    creditCode: walkIn.creditCode ?? null,
    regionCode,
    contactName: walkIn.contactName,
    contactPhone: walkIn.contactPhone,
    partyKind: walkIn.kind ?? (walkIn.idNumber ? "person" : "company"),
    idNumberMasked: walkIn.idNumber ? maskIdNumber(walkIn.idNumber) : null,
    idNumberDigest: walkIn.idNumber ? idNumberDigest(walkIn.idNumber) : null,
  };
  if (!walkIn.creditCode) {
    // A resident or an unregistered business: nothing identifies them reliably, so a new record.
    const [created] = await tx.insert(enterprises).values(values).returning({ id: enterprises.id });
    return created!.id;
  }
  for (let attempt = 1; ; attempt++) {
    await tx
      .insert(enterprises)
      .values(values)
      .onConflictDoNothing({ target: enterprises.creditCode, where: sql`${enterprises.creditCode} is not null` });
    // Locked so that a verification handing the code to a registered company (which locks the
    // holder for update) cannot leave this request behind: it waits for this filing, or this
    // waits for it, finds the record no longer holds the code and looks again.
    const [found] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, walkIn.creditCode)).for("key share");
    if (found) return found.id;
    if (attempt >= 3) throw new AppError("conflict", "errors.conflict");
  }
}

/** 409 when the station is closed; its row stays share-locked, so a close waits for a filing under way. */
async function refuseClosedStation(tx: Tx, stationId: string): Promise<void> {
  const [station] = await tx.select({ closedAt: stations.closedAt }).from(stations).where(eq(stations.id, stationId)).for("share");
  if (station?.closedAt) throw conflict("stations.errors.closed");
}

/** How a filer files: which channel, and whether for a caller (a walk-in or a hotline caller) rather than its own company. */
interface FilingMode {
  channel: Channel;
  isStation: boolean;
  isHotline: boolean;
  forCaller: boolean;
}

/** The filer's mode, or 403 / 422 for an account that may not file this way. */
function filingModeOf(filer: Actor, input: FileRequestInput, viaApiToken: boolean): FilingMode {
  const isStation = filer.stationId !== null;
  // An admin (of neither a station nor a company) takes a hotline call; an account of no company otherwise files nothing.
  const isHotline = !isStation && !filer.enterpriseId && filer.role === "admin";
  if (!isStation && !filer.enterpriseId && !isHotline) throw forbidden();
  const forCaller = isStation || isHotline;
  if (input.channel && !isHotline) {
    throw new AppError("invalid_input", "errors.invalidInput", { fields: { channel: "errors.field.invalid" } });
  }
  if (forCaller && !input.enterprise) {
    throw new AppError("invalid_input", "errors.invalidInput", { fields: { "enterprise.name": "errors.field.required" } });
  }
  // The schema checks this too; a caller that builds the input itself is held to the same rule.
  const isReferral = isHotline && input.channel === "referral";
  if (isReferral !== Boolean(input.referredBy)) {
    const fields: FieldErrors = isReferral ? { "referredBy.body": "errors.field.required" } : { referredBy: "referrals.errors.notReferral" };
    throw new AppError("invalid_input", "errors.invalidInput", { fields });
  }
  const channel: Channel = isStation ? "station" : isReferral ? "referral" : isHotline ? "hotline" : viaApiToken ? "api" : "web";
  return { channel, isStation, isHotline, forCaller };
}

/** The writes of one filing, in the caller's transaction: the request, its details, its event and notifications. */
async function writeFiling(tx: Tx, filer: Actor, input: FileRequestInput, mode: FilingMode, key: string | null): Promise<FiledRequest> {
  const { channel, isStation, isHotline, forCaller } = mode;
  if (isStation) await refuseClosedStation(tx, filer.stationId!);
  await checkRequestReferences(tx, input);
  if (isHotline) requireDistrict(filer, "request.create", input.regionCode);
  const enterpriseId = forCaller ? await walkInEnterpriseId(tx, input.enterprise!, input.regionCode) : filer.enterpriseId!;
  const [row] = await tx
    .insert(requests)
    .values({
      ...requestColumns(input),
      channel,
      enterpriseId,
      filedByUserId: filer.userId,
      stationId: isStation ? filer.stationId : null,
      idempotencyKey: key,
    })
    .returning(filedColumns);
  await writeRequestDetails(tx, row!.id, input);
  if (channel === "referral") {
    const by = input.referredBy!;
    await tx.insert(requestReferrals).values({
      requestId: row!.id,
      body: by.body,
      kind: by.kind ?? "other",
      contactName: by.contactName,
      contactPhone: by.contactPhone,
      reference: by.reference ?? null,
    });
  }
  await recordEvent(tx, filer, { type: "request.submitted", entityType: "request", entityId: row!.id, requestId: row!.id, data: { channel } });
  await notify(tx, {
    userIds: await audienceOf(tx, "request.submitted", row!, filer.userId),
    kind: "request.submitted",
    requestId: row!.id,
    data: { title: input.title },
  });
  await notify(tx, {
    userIds: await audienceOf(tx, "request.received", row!),
    kind: "request.received",
    requestId: row!.id,
    data: { title: input.title, caseNumber: row!.caseNumber },
  });
  return { ...row!, replayed: false };
}

/**
 * Files a request. Enterprises file for their own company (channel web, or api with a bearer
 * token); station staff for a walk-in (channel station); admins for a hotline caller (channel
 * hotline) or a case referred by a government body (channel referral, with its request_referrals
 * row), in a region of their own district (another region: 403). The party may be a company, a
 * person or a group; an ID number is stored masked and as a keyed digest only. Throws 403 for an account
 * without a company, a station or the admin permission, 409 for the staff of a closed station,
 * 422 for unknown references and for `channel` from anyone but an admin. Writes
 * the request, its specialties and counterparties, the "submitted" event and the admins'
 * notification in one transaction.
 * The same idempotency key from the same account returns the first filing and writes nothing.
 */
export async function fileRequest(
  actor: Actor | null,
  input: FileRequestInput,
  options: { idempotencyKey?: string | null; viaApiToken?: boolean } = {},
): Promise<FiledRequest> {
  const filer = requirePermission(actor, "request.create");
  const key = options.idempotencyKey?.trim() || null;
  if (key) {
    const earlier = await findByKey(filer, key);
    if (earlier) return earlier;
  }
  const mode = filingModeOf(filer, input, options.viaApiToken ?? false);
  try {
    return await db.transaction((tx) => writeFiling(tx, filer, input, mode, key));
  } catch (error) {
    // Two submits with one key at the same moment: the loser's insert hits the unique index.
    if (key && isUniqueViolation(error, "requests_idempotency_key")) {
      const earlier = await findByKey(filer, key);
      if (earlier) return earlier;
    }
    throw error;
  }
}

/**
 * Files a request exactly as fileRequest does (the same checks, channel and writes), inside the
 * caller's transaction, for a use case whose own change must commit with the filing or not at all
 * (a duty-day consultation turned into a request). No idempotency key: the caller's own record
 * says whether it was filed.
 */
export async function fileRequestInTransaction(tx: Tx, actor: Actor | null, input: FileRequestInput): Promise<FiledRequest> {
  const filer = requirePermission(actor, "request.create");
  return writeFiling(tx, filer, input, filingModeOf(filer, input, false), null);
}
