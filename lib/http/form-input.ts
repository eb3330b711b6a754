import type { z } from "zod";
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

/** Turns zod issues into field messages; schemas use catalogue keys as their messages. */
export function fieldErrorsFromZod(error: z.ZodError, { t, has }: MessageSource): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join(".") : "_";
    if (fields[field]) continue;
    const key = has(issue.message)
      ? issue.message
      : issue.code === "invalid_type" && issue.input === undefined
        ? "errors.field.required"
        : "errors.field.invalid";
    fields[field] = t(key);
  }
  return fields;
}
