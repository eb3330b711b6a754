import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { bytea } from "./columns";
import { applicationStatusEnum, expertStatusEnum, serviceModeEnum, vettingCheckEnum } from "./enums";
import { regions, specialties } from "./reference";

export const experts = pgTable(
  "experts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    status: expertStatusEnum("status").notNull().default("pending"),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    organization: text("organization").notNull().default(""),
    licenseNumber: text("license_number").notNull(),
    phone: text("phone"),
    homeRegionCode: text("home_region_code")
      .notNull()
      .references(() => regions.code),
    yearsOfPractice: integer("years_of_practice").notNull().default(0),
    bio: text("bio").notNull().default(""),
    /** Language and dialect codes (see lib/roster/languages.ts). */
    languages: text("languages")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    serviceModes: serviceModeEnum("service_modes")
      .array()
      .notNull()
      .default(sql`'{}'::service_mode[]`),
    /** Maximum number of active cases at once. */
    capacity: integer("capacity").notNull().default(5),
    /** Not matched until this date (exclusive), e.g. on leave. */
    pausedUntil: date("paused_until"),
    /** The current (or last) appointment term; the full history is in appointments. */
    termStart: date("term_start"),
    termEnd: date("term_end"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * What the directory's text search looks up (lib/roster/search-sql.ts): every character and
     * every pair of adjacent characters of the folded name, organisation, title, bio and the names
     * of the specialties and served regions. Written only by the triggers of migration 0034.
     */
    searchGrams: text("search_grams")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * The name, organisation, title and bio folded as the search folds a query (search_normalize's
     * NFKC and lower case; white space needs no folding for a substring without any), computed on
     * every write, so the search's exact test and score read them instead of normalising each
     * candidate's text again for every query.
     */
    nameFolded: text("name_folded").generatedAlwaysAs(sql`lower(normalize(name, NFKC))`),
    organizationFolded: text("organization_folded").generatedAlwaysAs(sql`lower(normalize(organization, NFKC))`),
    titleFolded: text("title_folded").generatedAlwaysAs(sql`lower(normalize(title, NFKC))`),
    bioFolded: text("bio_folded").generatedAlwaysAs(sql`lower(normalize(bio, NFKC))`),
  },
  (t) => [
    uniqueIndex("experts_user_key").on(t.userId),
    uniqueIndex("experts_license_key").on(t.licenseNumber),
    index("experts_status_term_idx").on(t.status, t.termEnd),
    index("experts_search_grams_idx").using("gin", t.searchGrams),
    check("experts_capacity_check", sql`${t.capacity} between 0 and 200`),
    check("experts_years_check", sql`${t.yearsOfPractice} between 0 and 80`),
    check("experts_term_check", sql`${t.termEnd} is null or ${t.termStart} is null or ${t.termEnd} > ${t.termStart}`),
  ],
);

export const expertSpecialties = pgTable(
  "expert_specialties",
  {
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id, { onDelete: "cascade" }),
    specialtyCode: text("specialty_code")
      .notNull()
      .references(() => specialties.code),
  },
  (t) => [primaryKey({ columns: [t.expertId, t.specialtyCode] }), index("expert_specialties_code_idx").on(t.specialtyCode)],
);

/** Regions an expert serves (a district covers its towns). */
export const expertRegions = pgTable(
  "expert_regions",
  {
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id, { onDelete: "cascade" }),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
  },
  (t) => [primaryKey({ columns: [t.expertId, t.regionCode] }), index("expert_regions_code_idx").on(t.regionCode)],
);

/** Companies an expert declares a conflict of interest with. */
export const expertConflicts = pgTable(
  "expert_conflicts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id, { onDelete: "cascade" }),
    companyName: text("company_name").notNull(),
    nameNormalized: text("name_normalized").notNull(),
    creditCode: text("credit_code"),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("expert_conflicts_expert_idx").on(t.expertId),
    index("expert_conflicts_name_idx").on(t.nameNormalized),
    index("expert_conflicts_code_idx").on(t.creditCode),
  ],
);

/** Appointment history: every appointment and renewal with its term and who decided it. */
export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    termStart: date("term_start").notNull(),
    termEnd: date("term_end").notNull(),
    kind: text("kind").notNull().default("appoint"),
    decidedBy: uuid("decided_by").references(() => users.id),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("appointments_expert_idx").on(t.expertId), check("appointments_term_check", sql`${t.termEnd} > ${t.termStart}`)],
);

export const expertApplications = pgTable(
  "expert_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => experts.id),
    status: applicationStatusEnum("status").notNull().default("pending"),
    /** What the applicant submitted, as submitted (references, statement, profile at the time). */
    details: jsonb("details").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionReason: text("decision_reason"),
    termYears: integer("term_years"),
  },
  (t) => [
    index("expert_applications_status_idx").on(t.status, t.submittedAt),
    uniqueIndex("expert_applications_one_pending")
      .on(t.expertId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** The vetting checklist: each item ticked by a named admin at a time. */
export const applicationChecks = pgTable(
  "application_checks",
  {
    applicationId: uuid("application_id")
      .notNull()
      .references(() => expertApplications.id, { onDelete: "cascade" }),
    item: vettingCheckEnum("item").notNull(),
    checkedBy: uuid("checked_by")
      .notNull()
      .references(() => users.id),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
    note: text("note").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.item] })],
);

/**
 * The applicant's evidence (the scan of the practising licence, certificates): PDF, JPEG or PNG by
 * content, kept in the database like case attachments. Only the applicant and the admins who vet
 * the application open them (lib/roster/application-documents.ts).
 */
export const applicationDocuments = pgTable(
  "application_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => expertApplications.id),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("application_documents_application_idx").on(t.applicationId),
    check("application_documents_size_check", sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 10485760`),
  ],
);
