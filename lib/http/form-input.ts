import type { z } from "zod";
import type { MessageKey } from "@/lib/i18n/keys";
import type { MessageSource } from "@/lib/i18n/messages";

// Shared by the server-action wrapper and by forms that check their input before asking for a
// confirmation, so it stays free of server-only imports (and of the catalogues: messages are handed in).

/** FormData as a plain object; repeated names become arrays, names ending in [] always arrays. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of form.entries()) {
    if (rawKey.startsWith("$ACTION")) continue;
    const isList = rawKey.endsWith("[]");
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const existing = out[key];
    if (existing === undefined) out[key] = isList ? [value] : value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

// A schema's catch-all messages: where the field is a choice, "choose a category" says more.
const GENERIC = new Set(["errors.field.invalid", "errors.field.required"]);

/** Whether an issue says a value is missing or not one of the offered choices (not that typed text is malformed). */
function isMissingOrUnlisted(issue: z.core.$ZodIssue): boolean {
  if (issue.code === "invalid_value" || issue.code === "invalid_type") return true;
  // An empty select sends "", an empty checkbox group nothing: both fail a minimum of one.
  return issue.code === "too_small" && (issue.origin === "string" || issue.origin === "array") && Number(issue.minimum) <= 1;
}

/**
 * The catalogue key of one issue's message. A required choice (a select, radios, a checkbox group)
 * left empty says what to choose, keyed by the field's name (errors.field.choose.category: "请选择类别"),
 * wherever the schema only gave a catch-all message; any other choice says to choose one.
 */
export function issueMessageKey(issue: z.core.$ZodIssue, has: MessageSource["has"]): MessageKey {
  const own = has(issue.message) ? issue.message : null;
  if ((own === null || GENERIC.has(own)) && isMissingOrUnlisted(issue)) {
    const field = issue.path.findLast((part) => typeof part === "string");
    const choose = `errors.field.choose.${field}`;
    if (field !== undefined && has(choose)) return choose;
    if (issue.code === "invalid_value") return "errors.field.chooseOne";
  }
  if (own !== null) return own;
  return issue.code === "invalid_type" && issue.input === undefined ? "errors.field.required" : "errors.field.invalid";
}

/** Turns zod issues into field messages; schemas use catalogue keys as their messages. */
export function fieldErrorsFromZod(error: z.ZodError, { t, has }: MessageSource): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join(".") : "_";
    if (fields[field]) continue;
    fields[field] = t(issueMessageKey(issue, has));
  }
  return fields;
}
