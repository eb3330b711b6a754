import { z } from "zod";
import { expertStatuses, serviceModes } from "@/lib/enums";
import { newPasswordField } from "@/lib/auth/password-policy";
import { optionalPrivacyConsentField, privacyConsentField } from "@/lib/privacy/notice";
import { dateField, emailField, optionalCreditCodeField, optionalText, pageQuery, phoneField, requiredText, storableString } from "@/lib/validation";
import { languageCodes, notifyPreferences } from "./languages";
import { licenceProblem, normalizeLicenceNumber } from "./licence";
import { blankToUndefined } from "./decision-schemas";

// The vetting and roster decision schemas are used by browser forms too, so they live apart from
// what ships the common-password list.
export {
  checkSchema,
  type CheckInput,
  termYearsField,
  decisionSchema,
  type DecisionInput,
  reasonSchema,
  type ReasonInput,
  renewSchema,
  type RenewInput,
} from "./decision-schemas";

// Shared by the forms, the server actions and the API. Messages are catalogue keys.

/** A form sends nothing for an empty checkbox group and a string for a single value: always a list. */
const asList = (value: unknown) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]);

const codeList = (emptyKey: "roster.errors.pickSpecialty" | "roster.errors.pickRegion") =>
  z.preprocess(asList, z.array(z.string().trim().min(1).max(40, "errors.field.invalid")).min(1, emptyKey).max(30, "errors.field.tooLong"));

export const specialtyCodesField = codeList("roster.errors.pickSpecialty");
export const regionCodesField = codeList("roster.errors.pickRegion");
export const languagesField = z.preprocess(
  asList,
  z.array(z.enum(languageCodes, { error: "errors.field.invalid" })).min(1, "roster.errors.pickLanguage"),
);
export const serviceModesField = z.preprocess(
  asList,
  z.array(z.enum(serviceModes, { error: "errors.field.invalid" })).min(1, "roster.errors.pickMode"),
);

/** A licence number, folded to its stored form, with a message saying what is wrong. */
export const licenceField = z.string({ error: "errors.field.required" }).transform((value, ctx) => {
  const normalized = normalizeLicenceNumber(value);
  if (!normalized) {
    ctx.addIssue({ code: "custom", message: "errors.field.required" });
    return z.NEVER;
  }
  const problem = licenceProblem(normalized);
  if (problem) {
    ctx.addIssue({ code: "custom", message: problem === "digits" ? "roster.errors.licenceDigits" : "roster.errors.licenceFormat" });
    return z.NEVER;
  }
  return normalized;
});

export const yearsField = z.preprocess(
  blankToUndefined,
  z.coerce.number({ error: "errors.field.required" }).int("roster.errors.years").min(0, "roster.errors.years").max(80, "roster.errors.years"),
);

const optionalPhone = z.preprocess(blankToUndefined, phoneField.optional());

/** The public application to join the roster (creates a pending expert account). */
export const applySchema = z.object({
  name: requiredText(50),
  email: emailField,
  password: newPasswordField,
  phone: phoneField,
  title: requiredText(50),
  organization: requiredText(100),
  licenseNumber: licenceField,
  homeRegionCode: requiredText(12),
  yearsOfPractice: yearsField,
  specialties: specialtyCodesField,
  regions: regionCodesField,
  languages: languagesField,
  serviceModes: serviceModesField,
  bio: optionalText(2000),
  references: requiredText(1000),
  statement: requiredText(2000),
  privacyConsent: optionalPrivacyConsentField,
});
export type ApplyInput = z.output<typeof applySchema>;

/** The application page's form: the same, with consent to the privacy notice required. */
export const applyFormSchema = applySchema.extend({ privacyConsent: privacyConsentField });

/** What an expert edits about themself. Name and licence number changes go through vetting. */
export const updateProfileSchema = z.object({
  name: requiredText(50),
  licenseNumber: licenceField,
  changeNote: optionalText(500),
  title: requiredText(50),
  organization: requiredText(100),
  phone: optionalPhone,
  homeRegionCode: requiredText(12),
  yearsOfPractice: yearsField,
  bio: optionalText(2000),
  specialties: specialtyCodesField,
  regions: regionCodesField,
  languages: languagesField,
  serviceModes: serviceModesField,
  capacity: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "errors.field.required" })
      .int("roster.errors.capacity")
      .min(0, "roster.errors.capacity")
      .max(200, "roster.errors.capacity"),
  ),
  pausedUntil: z.preprocess(blankToUndefined, dateField.optional()),
  notifyByEmail: z.enum(notifyPreferences, { error: "errors.field.invalid" }),
});
export type UpdateProfileInput = z.output<typeof updateProfileSchema>;

export const conflictSchema = z.object({
  companyName: requiredText(100),
  creditCode: optionalCreditCodeField,
  note: optionalText(300),
});
export type ConflictInput = z.output<typeof conflictSchema>;

export const conflictIdSchema = z.object({ id: z.uuid("errors.field.invalid") });

export const directorySorts = ["relevance", "years", "rating"] as const;
export type DirectorySort = (typeof directorySorts)[number];

const optionalQueryText = (max: number) => z.preprocess(blankToUndefined, storableString().trim().max(max, "errors.field.tooLong").optional());

/** Filters of the public directory (page and API). */
export const directoryQuerySchema = pageQuery.extend({
  q: optionalQueryText(100),
  specialty: optionalQueryText(40),
  region: optionalQueryText(12),
  language: z.preprocess(blankToUndefined, z.enum(languageCodes, { error: "errors.field.invalid" }).optional()),
  mode: z.preprocess(blankToUndefined, z.enum(serviceModes, { error: "errors.field.invalid" }).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(directorySorts, { error: "errors.field.invalid" }).default("relevance")),
});
export type DirectoryQuery = z.output<typeof directoryQuerySchema>;

/**
 * Cards on a page of the server-rendered directory. The page's HTML carries each card twice (the
 * markup, and the copy the browser receives for hydration), about 1.5 KB a card beside some 22 KB
 * for the rest of the page: four keep it within 30 KB in either language, in two rows of two.
 */
export const directoryPageSize = 4;

/** Admin roster filters: a real status, or the derived "expired" / "expiring" (within 90 days). */
export const rosterStatusFilters = [...expertStatuses, "expired", "expiring"] as const;
export type RosterStatusFilter = (typeof rosterStatusFilters)[number];

/** A district (county, six digits): the experts whose home region lies in it. */
const districtFilter = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{6}$/, "errors.field.invalid")
    .optional(),
);

export const rosterQuerySchema = pageQuery.extend({
  q: optionalQueryText(100),
  status: z.preprocess(blankToUndefined, z.enum(rosterStatusFilters, { error: "errors.field.invalid" }).optional()),
  specialty: optionalQueryText(40),
  /** Regions served. */
  region: optionalQueryText(12),
  district: districtFilter,
});
export type RosterQuery = z.output<typeof rosterQuerySchema>;

export const applicationQuerySchema = pageQuery.extend({
  status: z.preprocess(blankToUndefined, z.enum(["pending", "approved", "rejected"], { error: "errors.field.invalid" }).optional()),
  /** The applicants' district (their home region's county). */
  district: districtFilter,
});
export type ApplicationQuery = z.output<typeof applicationQuerySchema>;
