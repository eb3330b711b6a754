import { z } from "zod";
import { actorFromHeaders } from "@/lib/auth/actor";
import { requirePermission, type Actor, type Permission } from "@/lib/authz";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/catalog";
import { assertStorableText } from "@/lib/validation";
import { errorResponseBody, localeFromHeaders } from "./error-body";
import { jsonResponse } from "./json";
import { readBodyBytes } from "./read-body";
import { announcesBody, isWrite, refuseCrossSiteWrite, requireMediaType } from "./request-guard";

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export interface RouteInput<B, Q> {
  request: Request;
  actor: Actor | null;
  body: B;
  query: Q;
  params: Record<string, string>;
  locale: Locale;
}

/** What a handler may return: a Response as is, `created(x)` for 201, or any value for 200. */
export class Created {
  constructor(readonly value: unknown) {}
}
export const created = (value: unknown) => new Created(value);

export interface RouteConfig<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  /** "public" for anyone; otherwise the permission the actor's role must hold. */
  permission: Permission | "public";
  body?: B;
  query?: Q;
  maxBodyBytes?: number;
  /** "multipart" for an upload route, which reads its own multipart body; otherwise writes take JSON. */
  accepts?: "multipart";
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

const tooLarge = () => new AppError("payload_too_large", "errors.payloadTooLarge");

async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyBytes(request, maxBytes, tooLarge);
  // The headers may not have said there was a body (a body of unknown length): judge what came.
  requireMediaType(request.headers, "application/json", bytes.byteLength > 0);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "errors.badRequest");
  }
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "errors.badRequest");
  }
}

/**
 * The one wrapper of every route handler under app/api: a write from another site is refused ->
 * actor -> permission -> media type -> the body, read under its limit -> text that cannot be
 * stored refused -> parse -> use case -> JSON, with every error mapped to the contract's error
 * body. Never a 500 for bad input.
 */
export function apiRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  config: RouteConfig<B, Q>,
  handler: (input: RouteInput<Out<B>, Out<Q>>) => Promise<unknown>,
) {
  const routeHandler = async (request: Request, context?: RouteContext): Promise<Response> => {
    const locale = localeFromHeaders(request.headers);
    try {
      refuseCrossSiteWrite(request, env().NEXTAUTH_URL);
      const actor = await actorFromHeaders(request.headers);
      if (config.permission !== "public") requirePermission(actor, config.permission);
      if (isWrite(request.method)) {
        requireMediaType(
          request.headers,
          config.accepts === "multipart" ? "multipart/form-data" : "application/json",
          announcesBody(request.headers),
        );
      }
      const params = Object.fromEntries(Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const searchParams = Object.fromEntries(new URL(request.url).searchParams);
      assertStorableText(params);
      assertStorableText(searchParams);
      const raw = config.body ? await readJson(request, config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) : undefined;
      if (raw !== undefined && (typeof raw !== "object" || raw === null || Array.isArray(raw))) {
        throw new AppError("bad_request", "errors.badRequest");
      }
      assertStorableText(raw);
      const body = config.body ? await config.body.parseAsync(raw) : undefined;
      const query = config.query ? await config.query.parseAsync(searchParams) : undefined;
      const result = await handler({ request, actor, body: body as Out<B>, query: query as Out<Q>, params, locale });
      if (result instanceof Response) return result;
      if (result instanceof Created) return jsonResponse(result.value, 201);
      return jsonResponse(result ?? null, 200);
    } catch (error) {
      const { status, body } = errorResponseBody(error, locale);
      return jsonResponse(body, status);
    }
  };
  // The OpenAPI document is generated from this configuration, so it cannot drift from the code.
  return Object.assign(routeHandler, { apiConfig: config as RouteConfig<z.ZodType | undefined, z.ZodType | undefined> });
}

export type ApiRouteHandler = ReturnType<typeof apiRoute>;
