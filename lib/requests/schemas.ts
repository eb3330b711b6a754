import { z } from "zod";
import { requestCategories, requestStatuses, serviceModes, urgencies, channels, contactMethods, partyKinds, referralBodyKinds } from "@/lib/enums";
import { idNumberProblem, normalizeIdNumber } from "@/lib/referrals/id-number";
import { languageCodes, type LanguageCode } from "@/lib/roster/languages";
import {
  dateField,
  fenField,
  optionalCreditCodeField,
  optionalText,
  pageQuery,
  phoneField,
  requiredText,
  storableString,
  yuanField,
} from "@/lib/validation";

// zod schemas of the request use cases, shared by the API, the server actions and the forms.

/** Language and dialect codes a filer may prefer: the ones experts work in (labels at enums.language.*). */
export const requestLanguages = languageCodes;
export type RequestLanguage = LanguageCode;

export const MAX_COUNTERPARTIES = 100;
export const MAX_SPECIALTIES = 12;

/** Parsed input with the keys that may be undefined made optional, so callers can leave them out. */
type Loose<T> = { [K in keyof T as undefined extends T[K] ? K : never]?: T[K] } & { [K in keyof T as undefined extends T[K] ? never : K]: T[K] };

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "errors.field.invalid" });

/** An optional enum that also accepts "" (an unselected form control) as absent. */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal(""), z.null(), choice(values)])
    .optional()
    .transform((v) => (v ? (v as T[number]) : undefined));

/** Typed yuan; blank means nothing at stake (a consultation). */
const optionalYuan = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v : "0"))
  .pipe(yuanField);

export const counterpartySchema = z.object({
  name: requiredText(100),
  creditCode: optionalCreditCodeField,
});

const idNumberMessages = { format: "referrals.errors.idNumberFormat", checkDigit: "referrals.errors.idNumberCheckDigit" } as const;

/** An optional 居民身份证号: blank is absent; otherwise normalised and checked (18 characters, GB 11643 check digit). */
export const optionalIdNumberField = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const normalized = normalizeIdNumber(value ?? "");
    if (!normalized) return undefined;
    const problem = idNumberProblem(normalized);
    if (problem) {
      ctx.addIssue({ code: "custom", message: idNumberMessages[problem] });
      return z.NEVER;
    }
    return normalized;
  });

/**
 * The business, person or group a station files for (they came in person; no account of their
 * own), or an admin for a hotline caller or a referral. `kind` defaults to a company, or to a
 * person when an ID number is given; a person or group has no credit code.
 */
export const walkInSchema = z
  .object({
    name: requiredText(100),
    creditCode: optionalCreditCodeField,
    contactName: requiredText(50),
    contactPhone: phoneField,
    kind: optionalChoice(partyKinds),
    idNumber: optionalIdNumberField,
  })
  .superRefine((party, ctx) => {
    if (party.idNumber && party.kind && party.kind !== "person")
      ctx.addIssue({ code: "custom", path: ["idNumber"], message: "referrals.errors.idNumberNotPerson" });
    if (party.creditCode && party.kind && party.kind !== "company")
      ctx.addIssue({ code: "custom", path: ["creditCode"], message: "referrals.errors.creditCodeNotCompany" });
  })
  .transform(({ kind, ...party }) => ({ ...party, kind: kind ?? (party.idNumber ? ("person" as const) : ("company" as const)) }));

/** The government body that referred a case (转办) and whom to tell of the outcome. */
export const referredBySchema = z.object({
  body: requiredText(100),
  kind: optionalChoice(referralBodyKinds),
  contactName: requiredText(50),
  contactPhone: phoneField,
  /** The body's own file number (来文编号). */
  reference: optionalText(100),
});

/** Filing channels an admin may name: a hotline call, or a referral from a government body. */
const adminChannel = z.enum(["hotline", "referral"], { error: "errors.field.invalid" });

/** A referral names its referring body; nothing else does. */
function checkReferral(value: { channel?: string | null; referredBy?: unknown }, ctx: z.RefinementCtx) {
  if (value.channel === "referral" && !value.referredBy)
    ctx.addIssue({ code: "custom", path: ["referredBy", "body"], message: "errors.field.required" });
  if (value.channel !== "referral" && value.referredBy)
    ctx.addIssue({ code: "custom", path: ["referredBy"], message: "referrals.errors.notReferral" });
}

const requestFields = {
  title: requiredText(100),
  category: choice(requestCategories),
  specialties: z.array(z.string().trim().min(1).max(40)).max(MAX_SPECIALTIES, "errors.field.tooLong").default([]),
  description: requiredText(5000),
  counterparties: z.array(counterpartySchema).max(MAX_COUNTERPARTIES, "errors.field.tooLong").default([]),
  urgency: choice(urgencies).default("normal"),
  regionCode: requiredText(12),
  language: optionalChoice(requestLanguages),
  serviceMode: optionalChoice(serviceModes),
  preferredExpertId: z
    .union([z.literal(""), z.null(), z.uuid("errors.field.invalid")])
    .optional()
    .transform((v) => v || undefined),
};

/** POST /api/v1/requests: money as integer fen; an admin files a hotline call or a referral (`channel` says which; only admins send it; a referral names `referredBy`). */
export const fileRequestApiSchema = z
  .object({
    ...requestFields,
    enterprise: walkInSchema.optional(),
    amountAtStakeFen: fenField.default(0),
    channel: adminChannel.optional(),
    referredBy: referredBySchema.optional(),
  })
  .superRefine(checkReferral)
  .transform(({ amountAtStakeFen, ...rest }) => ({ ...rest, amountAtStakeFen: BigInt(amountAtStakeFen) }));

/** The filing form: money typed in yuan (blank = nothing at stake), plus the page's idempotency key. */
export const fileRequestFormSchema = z
  .object({
    ...requestFields,
    enterprise: walkInSchema.optional(),
    amountYuan: optionalYuan,
    idempotencyKey: z.string().trim().min(8).max(200).optional(),
    channel: adminChannel.optional(),
    referredBy: referredBySchema.optional(),
  })
  .superRefine(checkReferral)
  .transform(({ amountYuan, ...rest }) => ({ ...rest, amountAtStakeFen: amountYuan }));

type FileRequestOutput = z.output<typeof fileRequestApiSchema>;
export type FileRequestInput = Loose<Omit<FileRequestOutput, "enterprise" | "referredBy">> & {
  /** `kind` as the schema derives it: a company, or a person when an ID number is given. */
  enterprise?: Loose<Omit<NonNullable<FileRequestOutput["enterprise"]>, "kind">> & { kind?: NonNullable<FileRequestOutput["enterprise"]>["kind"] };
  referredBy?: Loose<NonNullable<FileRequestOutput["referredBy"]>>;
};

/** Amending a returned request: the same fields as filing (the walk-in's details stay as filed). */
export const amendRequestFormSchema = z
  .object({
    ...requestFields,
    requestId: z.uuid(),
    amountYuan: optionalYuan,
    note: optionalText(1000),
  })
  .transform(({ amountYuan, ...rest }) => ({ ...rest, amountAtStakeFen: amountYuan }));
export type AmendRequestInput = Loose<z.output<typeof amendRequestFormSchema>>;

export const IDEMPOTENCY_KEY_MAX = 200;

export const withdrawSchema = z.object({ reason: optionalText(1000) });

export const triageSchema = z
  .object({
    decision: choice(["accept", "return", "reject"] as const),
    reason: optionalText(2000),
    referral: optionalText(200),
    // Corrections while triaging (recorded on the timeline): absent leaves them as filed.
    category: optionalChoice(requestCategories),
    specialties: z
      .array(z.string().trim().max(40, "errors.field.unknownSpecialty"))
      .max(MAX_SPECIALTIES, "errors.field.tooLong")
      .optional()
      // A form sends one blank entry so that "none ticked" still arrives as a list.
      .transform((codes) => (codes ? [...new Set(codes.filter(Boolean))] : undefined)),
  })
  .superRefine((value, ctx) => {
    // Returning says what is missing; rejecting says why. Both are read by the filer.
    if (value.decision !== "accept" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "errors.field.required" });
  });
export type TriageInput = Loose<z.output<typeof triageSchema>>;

export const messageSchema = z.object({ body: requiredText(5000) });

export const resolveSchema = z.object({ summary: requiredText(5000) });

export const confirmSchema = z.object({
  rating: z.coerce
    .number({ error: "requests.errors.rating" })
    .int("requests.errors.rating")
    .min(1, "requests.errors.rating")
    .max(5, "requests.errors.rating"),
  comment: optionalText(2000),
  /** Close while a ledger entry is still queried, saying so (recorded on the timeline). */
  closeDespiteQueries: z
    .union([z.boolean(), z.enum(["true", "on", "false", ""])])
    .optional()
    .transform((v) => v === true || v === "true" || v === "on"),
});

/** The company does not accept the outcome, and says why (the expert and the admins read it). */
export const objectSchema = z.object({ reason: requiredText(2000) });

/**
 * A return visit (回访) on a closed case: the day, how it was made, how satisfied the company is
 * (1-5; 2 or less opens a follow-up) and an optional note. The form, the worklist and
 * POST /api/v1/requests/:id/return-visits share it.
 */
export const returnVisitSchema = z.object({
  visitedOn: dateField,
  method: z.enum(contactMethods, { error: "requests.errors.visitMethod" }),
  satisfaction: z.coerce
    .number({ error: "requests.errors.rating" })
    .int("requests.errors.rating")
    .min(1, "requests.errors.rating")
    .max(5, "requests.errors.rating"),
  note: optionalText(2000),
});
export type ReturnVisitInput = Omit<z.output<typeof returnVisitSchema>, "note"> & { note?: string };

/** GET /api/v1/requests and the list pages. */
export const requestListQuery = pageQuery.extend({
  /** Words of the title, or (part of) the case number. */
  q: z.preprocess((v) => (typeof v === "string" && !v.trim() ? undefined : v), storableString().trim().max(100, "errors.field.tooLong").optional()),
  status: optionalChoice(requestStatuses),
  category: optionalChoice(requestCategories),
  channel: optionalChoice(channels),
  urgency: optionalChoice(urgencies),
  region: z
    .string()
    .trim()
    .regex(/^\d{6}(\d{3})?$/, "errors.field.unknownRegion")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  from: dateField.optional().or(z.literal("").transform(() => undefined)),
  to: dateField.optional().or(z.literal("").transform(() => undefined)),
  attention: z
    .enum(["1", "0", ""])
    .optional()
    .transform((v) => v === "1"),
});
export type RequestListQuery = z.output<typeof requestListQuery>;

/** A list page's query string, with anything invalid dropped rather than failing the page. */
export function readListQuery(raw: Record<string, string | string[] | undefined>): RequestListQuery {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = requestListQuery.safeParse(flat);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return requestListQuery.parse(Object.fromEntries(Object.entries(flat).filter(([k]) => !bad.has(k))));
}

/** The list filters of a parsed query, as listRequestsForActor takes them. */
export function listFilterOf(query: RequestListQuery) {
  return {
    q: query.q,
    status: query.status,
    category: query.category,
    channel: query.channel,
    urgency: query.urgency,
    region: query.region,
    from: query.from,
    to: query.to,
    needsAttention: query.attention,
  };
}

/** POST /requests/:id/contact: the expert's contact with the company (when, how, a note). */
export const recordContactSchema = z.strictObject({
  at: z.iso.datetime({ offset: true, error: "errors.field.invalid" }).transform((v) => new Date(v)),
  method: z.enum(contactMethods, { error: "requests.errors.contactMethod" }),
  note: optionalText(1000),
});
export type RecordContactInput = z.infer<typeof recordContactSchema>;
