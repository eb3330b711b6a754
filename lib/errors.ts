import type { MessageKey } from "@/lib/i18n/keys";

export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_input: 422,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;

/** Field name -> message key (translated at the edge into the caller's language). */
export type FieldErrors = Record<string, MessageKey>;

/**
 * The one error type the domain throws. `messageKey` is a catalogue key so the page and the API
 * can both say it in the user's language; `params` fill its placeholders.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly options: { fields?: FieldErrors; params?: Record<string, string | number>; cause?: unknown } = {},
  ) {
    super(messageKey, { cause: options.cause });
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = () => new AppError("not_found", "errors.notFound");
export const forbidden = () => new AppError("forbidden", "errors.forbidden");
export const unauthorized = () => new AppError("unauthorized", "errors.unauthorized");
export const conflict = (key: MessageKey = "errors.conflict", params?: Record<string, string | number>) => new AppError("conflict", key, { params });
export const invalidField = (field: string, key: MessageKey) => new AppError("invalid_input", "errors.invalidInput", { fields: { [field]: key } });

/** The API error body of the contract: { error: { code, message, fields? } }. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

/** PostgreSQL unique violation, as both drivers report it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint_name?: string; constraint?: string };
    if (pg.code === "23505") return !constraint || (pg.constraint_name ?? pg.constraint) === constraint;
  }
  return false;
}

/** The same error with its field messages under the names a form uses (the API's `amountFen` is a form's `amountYuan`). */
export function withFieldsRenamed(error: unknown, names: Record<string, string>): unknown {
  if (!(error instanceof AppError) || !error.options.fields) return error;
  const fields = Object.fromEntries(Object.entries(error.options.fields).map(([field, key]) => [names[field] ?? field, key]));
  return new AppError(error.code, error.messageKey, { ...error.options, fields, cause: error });
}
