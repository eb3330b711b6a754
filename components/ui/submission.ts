import type { z } from "zod";
import { fieldErrorsFromZod, formDataToObject } from "@/lib/http/form-input";
import type { MessageSource } from "@/lib/i18n/messages";

/** What a form does with an input before any request: show field messages, ask first, or send it. */
export type NextStep = { kind: "invalid"; fields: Record<string, string> } | { kind: "confirm"; question: string } | { kind: "send" };

/**
 * The input is checked against the action's schema first, so a confirmation is only ever asked of
 * input that can pass; then the question, when the step has one.
 */
export async function nextStep<I>(
  input: I,
  { schema, confirm, messages }: { schema?: z.ZodType; confirm?: (input: I) => string | null; messages: MessageSource },
): Promise<NextStep> {
  if (schema) {
    const parsed = await schema.safeParseAsync(input instanceof FormData ? formDataToObject(input) : input);
    if (!parsed.success) return { kind: "invalid", fields: fieldErrorsFromZod(parsed.error, messages) };
  }
  const question = confirm?.(input) ?? null;
  return question ? { kind: "confirm", question } : { kind: "send" };
}
