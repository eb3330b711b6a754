import { z } from "zod";
import { channels, partyKinds, referralBodyKinds, requestCategories, requestStatuses, serviceModes, urgencies, userRoles } from "@/lib/enums";
import { fen, id, timestamp, windowPageOf } from "@/lib/http/wire";

// The answers of the request routes, as they are on the wire.

const category = z.enum(requestCategories);
const status = z.enum(requestStatuses);
const specialty = z.strictObject({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const requestListResponse = windowPageOf(
  z.strictObject({
    id,
    caseNumber: z.string(),
    title: z.string(),
    category,
    status,
    urgency: z.enum(urgencies),
    channel: z.enum(channels),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    regionNameEn: z.string().nullable(),
    amountAtStakeFen: fen,
    needsAttention: z.boolean(),
    submittedAt: timestamp,
    enterpriseName: z.string().nullable(),
    expertName: z.string().nullable(),
  }),
).extend({ asOf: timestamp });

export const requestDetailResponse = z.strictObject({
  id,
  caseNumber: z.string(),
  title: z.string(),
  category,
  description: z.string(),
  status,
  urgency: z.enum(urgencies),
  channel: z.enum(channels),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  regionNameEn: z.string().nullable(),
  language: z.string().nullable(),
  serviceMode: z.enum(serviceModes).nullable(),
  amountAtStakeFen: fen,
  enterpriseId: id,
  enterpriseName: z.string(),
  enterpriseCreditCode: z.string().nullable(),
  /** Shown to the case's parties only; null to anyone else. */
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** Whom the request is for: a company, a person or a group. */
  partyKind: z.enum(partyKinds),
  /** A person's ID number, masked ("330421********1234"); to admins and the assigned expert only, else null. */
  partyIdNumberMasked: z.string().nullable(),
  /** A referral's referring body (channel referral); to admins and the assigned expert only, else null. */
  referredBy: z
    .strictObject({
      body: z.string(),
      kind: z.enum(referralBodyKinds),
      contactName: z.string(),
      contactPhone: z.string(),
      reference: z.string().nullable(),
      replyIssuedAt: timestamp.nullable(),
    })
    .nullable(),
  stationId: id.nullable(),
  stationName: z.string().nullable(),
  preferredExpertId: id.nullable(),
  preferredExpertName: z.string().nullable(),
  assignedExpertId: id.nullable(),
  assignedExpertName: z.string().nullable(),
  needsAttention: z.boolean(),
  statusReason: z.string().nullable(),
  referral: z.string().nullable(),
  resolutionSummary: z.string().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  submittedAt: timestamp,
  triagedAt: timestamp.nullable(),
  acceptedAt: timestamp.nullable(),
  resolvedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  counterparties: z.array(z.strictObject({ name: z.string(), creditCode: z.string().nullable() })),
  specialties: z.array(specialty),
  events: z.array(z.strictObject({ type: z.string(), actorRole: z.string(), at: timestamp, reason: z.string().optional() })),
});

export const fileRequestResponse = z.strictObject({
  id,
  caseNumber: z.string(),
  status,
  channel: z.enum(channels),
  enterpriseId: id,
  stationId: id.nullable(),
  submittedAt: timestamp,
});

/** A request after a step of its life: triage, withdrawal, resolution. */
export const requestStatusResponse = z.strictObject({ id, status });
/** POST /requests/:id/contact. */
export const contactRecordedResponse = z.strictObject({ id });
export const confirmResponse = z.strictObject({ id, status, rating: z.number().int() });
export const objectResponse = z.strictObject({ id, status: z.literal("in_progress") });

const authorRole = z.enum(userRoles);
export const messageResponse = z.strictObject({ id, requestId: id, body: z.string(), createdAt: timestamp, authorName: z.string(), authorRole });
export const messageListResponse = z.array(messageResponse.omit({ requestId: true }));

const attachment = { id, filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), createdAt: timestamp };
export const attachmentResponse = z.strictObject(attachment);
export const attachmentListResponse = z.array(z.strictObject({ ...attachment, uploadedByName: z.string(), uploadedByRole: authorRole }));
