import { z } from "zod";
import { contentionAsConflict } from "@/lib/db-errors";
import { AppError, type ApiErrorBody } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/catalog";
import { messageSource, translator } from "@/lib/i18n/translate";
import { log } from "@/lib/log";
import { fieldErrorsFromZod } from "./form-input";

/** The contract's error JSON and status for anything thrown by a use case. */
export function errorResponseBody(thrown: unknown, locale: Locale): { status: number; body: ApiErrorBody } {
  const error = contentionAsConflict(thrown);
  const t = translator(locale);
  if (error instanceof AppError) {
    const fields = error.options.fields ? Object.fromEntries(Object.entries(error.options.fields).map(([k, key]) => [k, t(key)])) : undefined;
    return {
      status: error.status,
      body: { error: { code: error.code, message: t(error.messageKey, error.options.params), ...(fields ? { fields } : {}) } },
    };
  }
  if (error instanceof z.ZodError) {
    return {
      status: 422,
      body: { error: { code: "invalid_input", message: t("errors.invalidInput"), fields: fieldErrorsFromZod(error, messageSource(locale)) } },
    };
  }
  log().error({ err: error }, "Unexpected error");
  return { status: 500, body: { error: { code: "internal", message: t("errors.internal") } } };
}

/**
 * The caller's language: the one chosen with the language switch (a cookie); then, for an API
 * caller, who has no switch, the Accept-Language header; else Simplified Chinese. A server action
 * answers a page, so it passes "page" and speaks the page's language (pages ignore the header).
 */
export function localeFromHeaders(headers: Headers, caller: "api" | "page" = "api"): Locale {
  const cookie = /(?:^|;\s*)locale=([^;]+)/.exec(headers.get("cookie") ?? "")?.[1];
  if (isLocale(cookie)) return cookie;
  if (caller === "page") return "zh-CN";
  return /^en\b/i.test((headers.get("accept-language") ?? "").trim()) ? "en" : "zh-CN";
}
