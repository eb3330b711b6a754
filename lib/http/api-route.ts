import { z } from "zod";
import { actorFromHeaders } from "@/lib/auth/actor";
import { requirePermission, type Actor, type ActorFor, type Permission } from "@/lib/authz";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/catalog";
import { log, withLogContext } from "@/lib/log";
import { assertStorableText } from "@/lib/validation";
import { errorResponseBody, localeFromHeaders } from "./error-body";
import { jsonResponse, toJson } from "./json";
import { readBodyBytes } from "./read-body";
import { requestIdOf, routePattern } from "./request-id";
import { announcesBody, isWrite, refuseCrossSiteWrite, requireMediaType } from "./request-guard";

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export interface RouteInput<B, Q, A extends Actor | null = Actor | null> {
  request: Request;
  actor: A;
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

/** The error codes a route may answer beyond those its configuration implies (see lib/openapi/statuses.ts). */
export type ExtraError = "not_found" | "conflict" | "rate_limited";

export interface RouteConfig<
  B extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  P extends Permission | "public" = Permission | "public",
> {
  /** "public" for anyone; otherwise the permission the actor's role must hold. */
  permission: P;
  body?: B;
  query?: Q;
  /**
   * The JSON body of the success answer, as it is on the wire (timestamps ISO strings, fen numbers).
   * Under test every answer is parsed through it, so a route cannot answer what its document does not say.
   */
  response?: z.ZodType;
  /** The success status: 201 for a route that answers `created(x)`, 204 for one that answers nothing. */
  status?: 200 | 201 | 204;
  /** For a route that answers a file rather than JSON: the media types it may answer. */
  produces?: readonly string[];
  /** The route honours an Idempotency-Key header (a repeated key answers the first result). */
  idempotent?: boolean;
  /** Error codes the route answers beyond those its configuration implies. */
  errors?: readonly ExtraError[];
  maxBodyBytes?: number;
  /** "multipart" for an upload route, which reads its own multipart body; otherwise writes take JSON. */
  accepts?: "multipart";
  /** The route never asks who calls (the health check: no database read before its own, and none that can hang). */
  anonymous?: boolean;
  /** The route also answers 503 with its response schema when something it checks is down (the health check). */
  answersUnavailable?: boolean;
}

export type AnyRouteConfig = RouteConfig<z.ZodType | undefined, z.ZodType | undefined>;

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

/** Thrown under test when a handler answers something other than what its route declares. */
export class UndeclaredAnswerError extends Error {
  override name = "UndeclaredAnswerError";
}

function mismatch(message: string): never {
  throw new UndeclaredAnswerError(message);
}

/** Holds an answer to the route's declaration: its status, its media type, and a JSON body to the response schema. */
async function checkAnswer(config: AnyRouteConfig, result: unknown) {
  const declared = config.status ?? 200;
  const status = result instanceof Response ? result.status : result instanceof Created ? 201 : 200;
  if (status !== declared && !(status === 503 && config.answersUnavailable)) mismatch(`answered ${status}, declared ${declared}`);
  if (declared === 204) return;
  let wire: unknown;
  if (result instanceof Response) {
    const mediaType = result.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
    if (config.produces) {
      if (!config.produces.some((m) => m.split(";")[0] === mediaType)) mismatch(`answered ${mediaType}, declared ${config.produces.join(", ")}`);
      return;
    }
    if (mediaType !== "application/json") mismatch(`answered ${mediaType}, declared JSON`);
    wire = await result.clone().json();
  } else {
    // The schema describes the wire: parse what the client will read, not the handler's objects.
    wire = JSON.parse(toJson(result instanceof Created ? result.value : (result ?? null))) as unknown;
  }
  if (!config.response) return mismatch("the route declares no response schema");
  const parsed = config.response.safeParse(wire);
  if (!parsed.success) mismatch(`the answer does not match the route's response schema:\n${z.prettifyError(parsed.error)}`);
}

/**
 * The one wrapper of every route handler under app/api: a write from another site is refused ->
 * actor -> permission -> media type -> the body, read under its limit -> text that cannot be
 * stored refused -> parse -> use case -> JSON, with every error mapped to the contract's error
 * body. Never a 500 for bad input.
 */
export function apiRoute<P extends Permission | "public", B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  config: RouteConfig<B, Q, P>,
  handler: (input: RouteInput<Out<B>, Out<Q>, ActorFor<P>>) => Promise<unknown>,
) {
  const answer = async (request: Request, url: URL, params: Record<string, string>): Promise<Response> => {
    const locale = localeFromHeaders(request.headers);
    try {
      refuseCrossSiteWrite(request, env().NEXTAUTH_URL);
      const found = config.anonymous ? null : await actorFromHeaders(request.headers);
      // requirePermission returns the actor it has checked; a public route takes whoever came.
      const actor = (config.permission === "public" ? found : requirePermission(found, config.permission)) as ActorFor<P>;
      if (isWrite(request.method)) {
        requireMediaType(
          request.headers,
          config.accepts === "multipart" ? "multipart/form-data" : "application/json",
          announcesBody(request.headers),
        );
      }
      const searchParams = Object.fromEntries(url.searchParams);
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
      // Production trusts the handlers' types; tests hold every answer to the route's declaration.
      if (env().NODE_ENV === "test") await checkAnswer(config, result);
      if (result instanceof Response) return result;
      if (result instanceof Created) return jsonResponse(result.value, 201);
      return jsonResponse(result ?? null, 200);
    } catch (error) {
      // A route that answers what it does not declare is a bug in this code base: fail the test that found it.
      if (error instanceof UndeclaredAnswerError) throw error;
      const { status, body } = errorResponseBody(error, locale);
      return jsonResponse(body, status);
    }
  };
  // Each call gets a request id: every line logged while it is answered carries it, the answer
  // names it (x-request-id), and one line records the call (the route's pattern, not its path:
  // a path parameter may be a secret, and the log's redaction hides it by name).
  const routeHandler = async (request: Request, context?: RouteContext): Promise<Response> => {
    const requestId = requestIdOf(request.headers);
    return withLogContext({ requestId }, async () => {
      const started = performance.now();
      const params = Object.fromEntries(Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const url = new URL(request.url);
      const response = await answer(request, url, params);
      response.headers.set("x-request-id", requestId);
      const route = routePattern(url.pathname, params);
      log().info({ method: request.method, route, params, status: response.status, ms: Math.round(performance.now() - started) }, "request");
      return response;
    });
  };
  // The OpenAPI document is generated from this configuration, so it cannot drift from the code.
  return Object.assign(routeHandler, { apiConfig: config as AnyRouteConfig });
}

export type ApiRouteHandler = ReturnType<typeof apiRoute>;
