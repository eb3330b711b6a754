import type { z } from "zod";
import { fieldErrorsFromZod, formDataToObject } from "@/lib/http/form-input";
import type { MessageSource } from "@/lib/i18n/messages";

/**
 * The action's zod schema, imported when the form is first sent (`() => import("@/lib/x/schemas").then((m) => m.xSchema)`):
 * zod weighs about 30 KB gzip, and a static import would put it in the first load of every page with a form.
 */
export type SchemaLoader = () => Promise<z.ZodType>;

/** What a form does with an input before any request: show field messages, ask first, or send it. */
export type NextStep = { kind: "invalid"; fields: Record<string, string> } | { kind: "confirm"; question: string } | { kind: "send" };

/**
 * The input is checked against the action's schema first, so a confirmation is only ever asked of
 * input that can pass; then the question, when the step has one.
 */
export async function nextStep<I>(
  input: I,
  { schema, confirm, messages }: { schema?: SchemaLoader; confirm?: (input: I) => string | null; messages: MessageSource },
): Promise<NextStep> {
  // A schema that does not load (the connection dropped) leaves the check to the action, which runs the same schema.
  const loaded = await schema?.().catch(() => null);
  if (loaded) {
    const parsed = await loaded.safeParseAsync(input instanceof FormData ? formDataToObject(input) : input);
    if (!parsed.success) return { kind: "invalid", fields: fieldErrorsFromZod(parsed.error, messages) };
  }
  const question = confirm?.(input) ?? null;
  return question ? { kind: "confirm", question } : { kind: "send" };
}
