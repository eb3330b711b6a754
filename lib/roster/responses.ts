import { z } from "zod";
import { applicationStatuses, expertStatuses, serviceModes, vettingChecks } from "@/lib/enums";
import { calendarDate, id, pageOf, timestamp } from "@/lib/http/wire";

// The answers of the roster routes, as they are on the wire.

const publicProfile = {
  id,
  name: z.string(),
  title: z.string(),
  organization: z.string(),
  homeRegionCode: z.string(),
  yearsOfPractice: z.number().int(),
  bio: z.string(),
  languages: z.array(z.string()),
  serviceModes: z.array(z.enum(serviceModes)),
  termStart: calendarDate.nullable(),
  termEnd: calendarDate.nullable(),
  casesResolved: z.number().int(),
  rating: z.number().nullable(),
  ratingCount: z.number().int(),
  /** The end of a current appointment; null when the expert is not serving now. */
  appointedUntil: calendarDate.nullable(),
  /** Specialty codes. */
  specialties: z.array(z.string()),
  /** Region codes served. */
  regions: z.array(z.string()),
};

export const publicProfileResponse = z.strictObject(publicProfile);
export const directoryResponse = pageOf(publicProfileResponse);

/** What the expert themself and admins see: any status, with the private fields. */
export const privateProfileResponse = z.strictObject({
  ...publicProfile,
  status: z.enum(expertStatuses),
  standing: z.enum([...expertStatuses, "paused", "expired", "notStarted"]),
  licenseNumber: z.string(),
  phone: z.string().nullable(),
  email: z.string(),
  capacity: z.number().int(),
  pausedUntil: calendarDate.nullable(),
  notifyByEmail: z.string(),
  activeCases: z.number().int(),
  conflicts: z.array(
    z.strictObject({ id, companyName: z.string(), creditCode: z.string().nullable(), note: z.string().nullable(), createdAt: timestamp }),
  ),
});

export const expertProfileResponse = z.union([publicProfileResponse, privateProfileResponse]);

/** An expert after a decision on their standing: appointed, suspended, reinstated. */
export const expertDecisionResponse = z.strictObject({
  id,
  name: z.string(),
  status: z.enum(expertStatuses),
  termStart: calendarDate.nullable(),
  termEnd: calendarDate.nullable(),
  appointedUntil: calendarDate.nullable(),
});

export const applyResponse = z.strictObject({ id, status: z.literal("pending") });

export const applicationListResponse = pageOf(
  z.strictObject({
    id,
    status: z.enum(applicationStatuses),
    kind: z.enum(["join", "change"]),
    submittedAt: timestamp,
    decidedAt: timestamp.nullable(),
    decisionReason: z.string().nullable(),
    expertId: id,
    name: z.string(),
    organization: z.string(),
    title: z.string(),
    /** The applicant's home region; its county is the district whose admins decide. */
    homeRegionCode: z.string(),
    checksDone: z.number().int(),
    checksNeeded: z.number().int(),
  }),
);

export const checkResponse = z.strictObject({
  applicationId: id,
  checks: z.array(z.strictObject({ item: z.enum(vettingChecks), checkedBy: id, checkedAt: timestamp })),
});

const importRow = z.strictObject({
  line: z.number().int(),
  name: z.string(),
  licenseNumber: z.string(),
  organization: z.string(),
  ok: z.boolean(),
  /** On the roster already: nothing to import. */
  present: z.boolean(),
  /** In the caller's language. */
  problems: z.array(z.string()),
});
export const importPreviewResponse = z.strictObject({
  total: z.number().int(),
  valid: z.number().int(),
  /** Rows whose licence number is on the roster already. */
  present: z.number().int(),
  invalid: z.number().int(),
  rows: z.array(importRow),
});
/** The rows listed are the rejected ones. */
export const importResponse = z.strictObject({
  imported: z.number().int(),
  present: z.number().int(),
  rejected: z.number().int(),
  rows: z.array(importRow),
});

const applicationDocument = { id, filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), createdAt: timestamp };
/** One file of an application's licence evidence (never its content). */
export const applicationDocumentResponse = z.strictObject(applicationDocument);
export const applicationDocumentListResponse = z.array(applicationDocumentResponse);
