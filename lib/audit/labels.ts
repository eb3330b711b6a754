import type { Locale } from "@/lib/i18n/catalog";
import { hasMessage, translator } from "@/lib/i18n/translate";
import { entityTypeKey, eventTypeKey } from "./event-types";

/** An event type in words ("聘期届满"), or its code when the catalogue does not know it. */
export function eventTypeLabel(type: string, locale: Locale): string {
  const key = eventTypeKey(type);
  return hasMessage(locale, key) ? translator(locale)(key) : type;
}

/** A kind of record in words ("专家"), or its code. */
export function entityTypeLabel(entityType: string, locale: Locale): string {
  const key = entityTypeKey(entityType);
  return hasMessage(locale, key) ? translator(locale)(key) : entityType;
}

/** An account role in words, "system" included. */
export function actorRoleLabel(role: string, locale: Locale): string {
  if (role === "system") return translator(locale)("audit.system");
  const key = `common.roles.${role}`;
  return hasMessage(locale, key) ? translator(locale)(key) : role;
}

const MAX_VALUE = 80;
const MAX_TOTAL = 240;

function short(value: unknown): string {
  const text =
    typeof value === "string" ? value : Array.isArray(value) && value.every((v) => typeof v !== "object") ? value.join(", ") : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** An event's data on one line ("termEnd: 2026-12-01 · rows: 12"), cut short; empty for none. */
export function compactData(data: unknown): string {
  if (data === null || data === undefined) return "";
  if (typeof data !== "object" || Array.isArray(data)) return short(data);
  const text = Object.entries(data as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([key, value]) => `${key}: ${short(value)}`)
    .join(" · ");
  return text.length > MAX_TOTAL ? `${text.slice(0, MAX_TOTAL - 1)}…` : text;
}
