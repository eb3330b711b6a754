import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { enterpriseVerificationEnum, partyKindEnum, passwordLinkPurposeEnum, userRoleEnum } from "./enums";
import { regions } from "./reference";

export const enterprises = pgTable(
  "enterprises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Name with spaces, brackets and case folded, for conflict checks and duplicates. */
    nameNormalized: text("name_normalized").notNull(),
    /** 统一社会信用代码; null for a walk-in resident or an unregistered business. */
    creditCode: text("credit_code"),
    regionCode: text("region_code").references(() => regions.code),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * A self-registered company: pending until an admin verifies that its account acts for the
     * company of claimed_credit_code, then verified (it holds credit_code) or refused. Null for a
     * record only stations filed for, and for companies registered before verification existed.
     */
    verification: enterpriseVerificationEnum("verification"),
    /** The credit code the registration named; the company holds it (credit_code) only once verified. */
    claimedCreditCode: text("claimed_credit_code"),
    verificationDecidedAt: timestamp("verification_decided_at", { withTimezone: true }),
    verificationDecidedBy: uuid("verification_decided_by").references((): AnyPgColumn => users.id),
    verificationReason: text("verification_reason"),
    /** A company (the default), or a person or group named on a referral or a walk-in filing. */
    partyKind: partyKindEnum("party_kind").notNull().default("company"),
    /**
     * A person's 居民身份证号, kept only as far as the law allows: masked for display (first 6 and
     * last 4 characters, "330421********1234") and a keyed digest (HMAC of the normalised number)
     * to recognise the same person again. The number itself is never stored.
     */
    idNumberMasked: text("id_number_masked"),
    idNumberDigest: text("id_number_digest"),
  },
  (t) => [
    uniqueIndex("enterprises_credit_code_key")
      .on(t.creditCode)
      .where(sql`${t.creditCode} is not null`),
    // One registration at a time waits for a code; a refused claim frees it.
    uniqueIndex("enterprises_claimed_credit_code_key")
      .on(t.claimedCreditCode)
      .where(sql`${t.verification} = 'pending'`),
    index("enterprises_name_normalized_idx").on(t.nameNormalized),
    index("enterprises_id_number_digest_idx")
      .on(t.idNumberDigest)
      .where(sql`${t.idNumberDigest} is not null`),
    // The companies list (lib/companies/queries.ts listEnterprises): those waiting first, then the
    // newest, a page read in this order rather than every company sorted.
    index("enterprises_list_order_idx").on(sql`(case when ${t.verification} = 'pending' then 0 else 1 end)`, t.createdAt.desc().nullsFirst(), t.id),
  ],
);

export const stations = pgTable("stations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  regionCode: text("region_code")
    .notNull()
    .references(() => regions.code),
  address: text("address"),
  phone: text("phone"),
  /** Opening hours as the station words them ("周一至周五 8:30-17:00"). */
  hours: text("hours"),
  /** A closed station is kept for its history (its requests, its staff) but takes no new filings. */
  closedAt: timestamp("closed_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Always stored lower-cased and trimmed. */
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRoleEnum("role").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    locale: text("locale").notNull().default("zh-CN"),
    enterpriseId: uuid("enterprise_id").references(() => enterprises.id),
    stationId: uuid("station_id").references(() => stations.id),
    /** For admins: the region (and its sub-regions) they administer; null = the whole roster. */
    regionScope: text("region_scope").references(() => regions.code),
    /** A partner system's account (a platform filing for people, a reporting system), not a person's. */
    integration: boolean("integration").notNull().default(false),
    /** Which notifications also come by e-mail: all, only important ones, or none (the inbox always has them). */
    emailNotifications: text("email_notifications").notNull().default("all"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** Sessions signed in before this moment are over (set when the password is set anew). */
    sessionsValidFrom: timestamp("sessions_valid_from", { withTimezone: true }),
    /**
     * The privacy notice (lib/privacy/notice.ts) the person agreed to when they registered or applied,
     * and when; null for accounts made by others (invitations, imports) or before consent was asked.
     */
    privacyNoticeVersion: text("privacy_notice_version"),
    privacyConsentedAt: timestamp("privacy_consented_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    index("users_enterprise_idx").on(t.enterpriseId),
    index("users_station_idx").on(t.stationId),
    // The accounts list (lib/accounts/list-users.ts), newest first: a page read in this order.
    index("users_created_idx").on(t.createdAt.desc().nullsFirst(), t.id),
    // The admins told of every filing (lib/notifications/audience.ts adminsOf): a handful among every
    // company's and expert's account, found without reading them all.
    index("users_active_admins_idx")
      .on(t.regionScope)
      .where(sql`${t.role} = 'admin' and ${t.disabledAt} is null`),
    check("users_email_notifications_check", sql`${t.emailNotifications} in ('all', 'important', 'none')`),
    check("users_privacy_consent_check", sql`(${t.privacyNoticeVersion} is null) = (${t.privacyConsentedAt} is null)`),
  ],
);

/**
 * Sign-in attempts counted per key (an account-and-address pair, an account, an address) in a
 * window of THROTTLE_WINDOW_MINUTES: one row per key, bumped by one atomic upsert before the
 * password is checked, so parallel attempts cannot all slip past the count.
 */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  attempts: integer("attempts").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  /** Only pair keys lock: refused until then, even with the right password. */
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/**
 * One row per browser session, made at sign-in; the session cookie carries its id (`sid`). A
 * session counts while it is not ended (sign-out), not past its absolute end, and began at or
 * after the account's sessions_valid_from (a new password ends every earlier session).
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** The sign-in time, on the database's clock (compared with users.sessions_valid_from). */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The absolute end, however active the session stays. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

/**
 * Set-password links: an invitation for an account that has no password yet, or a reset. No secret
 * is kept: the link carries the row's id and an HMAC of it under the app secret, checked on use.
 */
export const passwordLinks = pgTable(
  "password_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    purpose: passwordLinkPurposeEnum("purpose").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set when the link sets a password, and on every other open link of the account with it. */
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** Who sent the invitation (an admin by hand or with an import, or a colleague in the company); null for a reset the user asked for. */
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_links_user_idx").on(t.userId, t.createdAt)],
);

/** Bearer tokens an admin issues to partner systems; only a SHA-256 of the secret is kept. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** First characters of the secret, shown in lists so a token can be recognised. */
    prefix: text("prefix").notNull(),
    /** The account the token acts as. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    scopes: text("scopes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_token_hash_key").on(t.tokenHash)],
);
