import type { Locale } from "@/lib/i18n/catalog";
import type { MessageKey } from "@/lib/i18n/keys";
import { hasMessage, type Translate } from "@/lib/i18n/translate";

/**
 * A "why" as data: a code and its figures. Stored on offers and events and translated only when
 * shown, so the same decision reads in Chinese or English.
 */
export interface Reason {
  code: string;
  params?: Record<string, string | number>;
}

// Parameters that are themselves codes with a label in the catalogue.
// A track-record figure not earned yet is the code "none" (routing.reasons.figures.none: "no record yet").
const codeParams: Record<string, string> = {
  language: "enums.language",
  mode: "enums.serviceMode",
  declineReason: "routing.declineReasons",
  acceptance: "routing.reasons.figures",
  resolution: "routing.reasons.figures",
  rating: "routing.reasons.figures",
};

/** A reason in the reader's language. Old offers stored plain sentences; those are shown as they are. */
export function reasonText(t: Translate, locale: Locale, reason: Reason | string): string {
  if (typeof reason === "string") return reason;
  const key = `routing.reasons.${reason.code}`;
  if (!hasMessage(locale, key)) return reason.code;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params ?? {})) {
    const prefix = codeParams[name];
    const labelKey = `${prefix}.${value}`;
    params[name] = prefix && hasMessage(locale, labelKey) ? t(labelKey as MessageKey) : value;
  }
  return t(key as MessageKey, params);
}

/** Reads reasons stored as JSON (a list of reasons or of old plain sentences). */
export function storedReasons(value: unknown): (Reason | string)[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (r): r is Reason | string => typeof r === "string" || (typeof r === "object" && r !== null && typeof (r as Reason).code === "string"),
  );
}
