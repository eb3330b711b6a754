import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { db, rowsOf, type DbOrTx, type Tx } from "@/db";
import { enterprises, requestReferrals, requests, stations } from "@/db/schema";
import type { Channel } from "@/lib/enums";
import { requireDistrict, requirePermission, type Actor } from "@/lib/authz";
import { AppError, conflict, forbidden, isUniqueViolation, type FieldErrors } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { normalizeCompanyName } from "@/lib/names";
import { maskIdNumber } from "@/lib/referrals/id-number";
import { idNumberDigest } from "@/lib/referrals/id-number-digest";
import { audienceOfRequest, type Followed } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { checkRequestReferences, requestColumns, writeRequestDetails } from "./request-details";
import type { FileRequestInput } from "./schemas";

export interface FiledRequest {
  id: string;
  /** 受理编号, drawn just before the filing's transaction (see db/README.md, "Case numbers"). */
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
 * credit code, or a new record for them (a resident or an unregistered business: nothing identifies
 * them reliably). A person's ID number is kept only masked and as a keyed digest
 * (lib/referrals/id-number.ts), never as typed.
 */
function walkInValues(walkIn: NonNullable<FileRequestInput["enterprise"]>, regionCode: string) {
  return {
    name: walkIn.name,
    nameNormalized: normalizeCompanyName(walkIn.name),
    creditCode: walkIn.creditCode ?? null,
    regionCode,
    contactName: walkIn.contactName,
    contactPhone: walkIn.contactPhone,
    partyKind: walkIn.kind ?? (walkIn.idNumber ? "person" : "company"),
    idNumberMasked: walkIn.idNumber ? maskIdNumber(walkIn.idNumber) : null,
    idNumberDigest: walkIn.idNumber ? idNumberDigest(walkIn.idNumber) : null,
  } as const;
}

/** The company record holding the walk-in's credit code (a registered company, or one made now). */
async function walkInEnterpriseId(tx: Tx, walkIn: NonNullable<FileRequestInput["enterprise"]>, regionCode: string): Promise<string> {
  const values = walkInValues(walkIn, regionCode);
  const creditCode = walkIn.creditCode!;
  for (let attempt = 1; ; attempt++) {
    await tx
      .insert(enterprises)
      .values(values)
      .onConflictDoNothing({ target: enterprises.creditCode, where: sql`${enterprises.creditCode} is not null` });
    // Locked so that a verification handing the code to a registered company (which locks the
    // holder for update) cannot leave this request behind: it waits for this filing, or this
    // waits for it, finds the record no longer holds the code and looks again.
    const [found] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, creditCode)).for("key share");
    if (found) return found.id;
    if (attempt >= 3) throw new AppError("conflict", "errors.conflict");
  }
}

/**
 * 409 when the station is closed. Asked before the transaction (no lock), so a refused filing draws
 * no case number; asked again in it with a share lock, so a close waits for a filing under way.
 */
async function stationClosedAt(handle: DbOrTx, stationId: string, options: { lock: boolean }): Promise<void> {
  const query = handle.select({ closedAt: stations.closedAt }).from(stations).where(eq(stations.id, stationId));
  const [station] = await (options.lock ? query.for("share") : query);
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

/** Who is told of a filing: the district's admins (but the filer), and the filers' receipt. */
interface Audiences {
  admins: string[];
  filers: string[];
}

function audiencesOf(handle: DbOrTx, filer: Actor, request: Followed): Promise<Audiences> {
  return Promise.all([
    audienceOfRequest(handle, "request.submitted", request, filer.userId),
    audienceOfRequest(handle, "request.received", request),
  ]).then(([admins, filers]) => ({ admins, filers }));
}

/**
 * What a filing knows before its transaction: the request's id (made here), its case number and
 * when it was filed, the id of a walk-in's new party record, and whom to tell (when the party is known).
 */
interface Prepared {
  id: string;
  caseNumber: string;
  submittedAt?: Date;
  newEnterpriseId: string;
  audiences?: Audiences;
}

/** The party a filing is for: the filer's company, a walk-in's new record, or (with a credit code) found in the transaction. */
const knownParty = (filer: Actor, input: FileRequestInput, mode: FilingMode, newEnterpriseId: string) =>
  !mode.forCaller ? filer.enterpriseId! : input.enterprise?.creditCode ? null : newEnterpriseId;

/**
 * The writes of one filing, in the caller's transaction: the request, its details, its event and
 * notifications. Everything after a registered walk-in's lookup is sent at once and awaited
 * together: one round trip on a server. Each statement is sent when its promise is made, so the
 * batch is made in order: the party, then the request, then the rows that refer to it. A station's
 * row is share-locked in the same batch; if it was closed meanwhile, the error rolls it all back.
 */
async function writeFiling(
  tx: Tx,
  filer: Actor,
  input: FileRequestInput,
  mode: FilingMode,
  key: string | null,
  prepared: Prepared,
): Promise<FiledRequest> {
  const { channel, isStation, forCaller } = mode;
  const { id, caseNumber } = prepared;
  const known = knownParty(filer, input, mode, prepared.newEnterpriseId);
  const enterpriseId = known ?? (await walkInEnterpriseId(tx, input.enterprise!, input.regionCode));
  const walkInIsNew = forCaller && known !== null;
  const stationId = isStation ? filer.stationId : null;
  const audiences =
    known && prepared.audiences
      ? prepared.audiences
      : await audiencesOf(tx, filer, { id, enterpriseId, stationId, assignedExpertId: null, regionCode: input.regionCode });
  const batch = [
    stationId ? stationClosedAt(tx, stationId, { lock: true }) : null,
    walkInIsNew
      ? tx
          .insert(enterprises)
          .values({ id: enterpriseId, ...walkInValues(input.enterprise!, input.regionCode) })
          .execute()
      : null,
    tx
      .insert(requests)
      .values({
        ...requestColumns(input),
        id,
        caseNumber,
        ...(prepared.submittedAt ? { submittedAt: prepared.submittedAt } : {}),
        channel,
        enterpriseId,
        filedByUserId: filer.userId,
        stationId,
        idempotencyKey: key,
      })
      .returning(filedColumns)
      .execute(),
    writeRequestDetails(tx, id, input),
    channel === "referral" ? tx.insert(requestReferrals).values(referralValues(id, input.referredBy!)).execute() : null,
    recordEvent(tx, filer, { type: "request.submitted", entityType: "request", entityId: id, requestId: id, data: { channel } }),
    notify(
      tx,
      { userIds: audiences.admins, kind: "request.submitted", requestId: id, data: { title: input.title } },
      { userIds: audiences.filers, kind: "request.received", requestId: id, data: { title: input.title, caseNumber } },
    ),
  ] as const;
  const [, , [row]] = await Promise.all(batch);
  return { ...row!, replayed: false };
}

function referralValues(requestId: string, by: NonNullable<FileRequestInput["referredBy"]>) {
  return {
    requestId,
    body: by.body,
    kind: by.kind ?? "other",
    contactName: by.contactName,
    contactPhone: by.contactPhone,
    reference: by.reference ?? null,
  };
}

/**
 * The checks that need no lock, together: the references (one statement) and a station's being
 * open; and, when the party is known already, whom to tell.
 */
async function checkBeforeFiling(filer: Actor, input: FileRequestInput, mode: FilingMode, ids: { id: string; newEnterpriseId: string }) {
  const stationId = mode.isStation ? filer.stationId : null;
  const enterpriseId = knownParty(filer, input, mode, ids.newEnterpriseId);
  const [, , audiences] = await Promise.all([
    checkRequestReferences(db, input),
    stationId ? stationClosedAt(db, stationId, { lock: false }) : null,
    enterpriseId ? audiencesOf(db, filer, { id: ids.id, enterpriseId, stationId, assignedExpertId: null, regionCode: input.regionCode }) : undefined,
  ]);
  return audiences;
}

/** The district's next case number, in a short transaction of its own (draw_case_number, migration 0035). */
async function drawCaseNumber(regionCode: string): Promise<{ caseNumber: string; submittedAt: Date }> {
  const [drawn] = rowsOf<{ case_number: string; drawn_at: string | Date }>(
    await db.execute(sql`select case_number, drawn_at from draw_case_number(${regionCode})`),
  );
  return { caseNumber: drawn!.case_number, submittedAt: new Date(drawn!.drawn_at) };
}

/**
 * Files a request. Enterprises file for their own company (channel web, or api with a bearer
 * token); station staff for a walk-in (channel station); admins for a hotline caller (channel
 * hotline) or a case referred by a government body (channel referral, with its request_referrals
 * row), in a region of their own district (another region: 403). The party may be a company, a
 * person or a group; an ID number is stored masked and as a keyed digest only. Throws 403 for an account
 * without a company, a station or the admin permission, 409 for the staff of a closed station,
 * 422 for unknown references and for `channel` from anyone but an admin. Writes
 * the request, its specialties and counterparties, the "submitted" event, the admins' notification
 * and the filer's receipt in one transaction, with the case number drawn just before it (a filing
 * that fails in its transaction leaves a gap in the district's numbers).
 * The same idempotency key from the same account returns the first filing and writes nothing.
 */
export async function fileRequest(
  actor: Actor | null,
  input: FileRequestInput,
  options: { idempotencyKey?: string | null; viaApiToken?: boolean } = {},
): Promise<FiledRequest> {
  const filer = requirePermission(actor, "request.create");
  const key = options.idempotencyKey?.trim() || null;
  const mode = filingModeOf(filer, input, options.viaApiToken ?? false);
  if (mode.isHotline) requireDistrict(filer, "request.create", input.regionCode);
  const ids = { id: randomUUID(), newEnterpriseId: randomUUID() };
  const [earlier, audiences] = await Promise.all([key ? findByKey(filer, key) : null, checkBeforeFiling(filer, input, mode, ids)]);
  if (earlier) return earlier;
  // Drawn before the transaction, so the district's counter is not held through the filing.
  const drawn = await drawCaseNumber(input.regionCode);
  try {
    return await db.transaction((tx) => writeFiling(tx, filer, input, mode, key, { ...ids, ...drawn, audiences }));
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
  const mode = filingModeOf(filer, input, false);
  if (mode.isHotline) requireDistrict(filer, "request.create", input.regionCode);
  await checkRequestReferences(tx, input);
  // The number is taken in the caller's transaction, as the insert trigger would (no gap if it rolls back).
  const [numbered] = rowsOf<{ case_number: string }>(await tx.execute(sql`select next_case_number(${input.regionCode}, now()) as case_number`));
  return writeFiling(tx, filer, input, mode, null, { id: randomUUID(), newEnterpriseId: randomUUID(), caseNumber: numbered!.case_number });
}
