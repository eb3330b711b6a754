import { sql } from "drizzle-orm";
import { z } from "zod";

/**
 * The privacy notice in force (app/(public)/privacy, texts in lib/i18n/*\/privacy.ts): its version is
 * the date it took effect. A change to what the system keeps, why, who sees it or for how long is
 * a new notice: change the texts and this date together, so every consent recorded from then on
 * names the notice the person actually read.
 */
export const PRIVACY_NOTICE_VERSION = "2026-12-01";

/** A ticked consent box: the form sends "true" (or the browser's "on"); anything else is no consent. */
const ticked = (value: unknown) => value === true || value === "true" || value === "on";

/** The web forms (registration, applying to the roster): consent to the notice is required. */
export const privacyConsentField = z.preprocess(ticked, z.literal(true, { error: "privacy.consent.required" }));

/**
 * The API's optional counterpart: a partner that asked the person for consent sends `true`, which
 * is recorded; `false` is refused (nobody is registered against their stated wish); absent, none is recorded.
 */
export const optionalPrivacyConsentField = z.literal(true, { error: "privacy.consent.required" }).optional();

/** The columns of users that record a consent given now (in the writing transaction's time), or none. */
export function consentColumns(consent: true | undefined) {
  return consent ? { privacyNoticeVersion: PRIVACY_NOTICE_VERSION, privacyConsentedAt: sql`now()` } : {};
}

/** What the registration's or application's event says about the consent (the trail shows which notice). */
export function consentData(consent: true | undefined) {
  return consent ? { privacyNotice: PRIVACY_NOTICE_VERSION } : {};
}
