import { z } from "zod";
import { errorStatus } from "@/lib/errors";
import type { AnyRouteConfig } from "@/lib/http/api-route";
import { IDEMPOTENCY_KEY_MAX } from "@/lib/requests/schemas";
import { errorStatuses } from "./statuses";

export interface DocumentedRoute {
  method: string;
  /** "/api/v1/requests/{id}" */
  path: string;
  summary: string;
  config: AnyRouteConfig;
}

const errorResponse = {
  description: "Error",
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: {
                type: "string",
                enum: Object.keys(errorStatus),
              },
              message: { type: "string" },
              fields: { type: "object", additionalProperties: { type: "string" } },
            },
          },
        },
      },
    },
  },
};

// Inputs are described as a client may send them, answers as the client receives them.
function jsonSchema(schema: z.ZodType, io: "input" | "output" = "input") {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
  return json;
}

function queryParameters(schema: z.ZodType) {
  const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const uploadSchema = { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } };

const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "The same key from the same account answers the first result again and writes nothing new.",
  schema: { type: "string", minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX },
};

/** The success answer: the route's JSON schema, the files it produces, or nothing (204). */
function successResponse(config: AnyRouteConfig) {
  const status = config.status ?? 200;
  const description = { 200: "OK", 201: "Created", 204: "No Content" }[status];
  if (status === 204) return { [status]: { description } };
  const content = config.produces
    ? Object.fromEntries(
        config.produces.map((media) => [
          media,
          // A route that answers JSON or a file (by `format`): its JSON is described like any other.
          { schema: media === "application/json" && config.response ? jsonSchema(config.response, "output") : { type: "string", format: "binary" } },
        ]),
      )
    : { "application/json": { schema: config.response ? jsonSchema(config.response, "output") : {} } };
  const headers = config.idempotent
    ? {
        headers: {
          "Idempotent-Replayed": {
            description: '"true" when this answer repeats an earlier one for the same key',
            schema: { type: "string", enum: ["true"] },
          },
        },
      }
    : {};
  // The health check answers the same body with 503 when a part of the app is down.
  const unavailable = config.answersUnavailable ? { 503: { description: "Service Unavailable", content } } : {};
  return { [status]: { description, ...headers, content }, ...unavailable };
}

/** The OpenAPI 3.1 document of the JSON API, built from the routes' own zod schemas. */
export function buildOpenApiDocument(routes: DocumentedRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const parameters = [
      ...pathParams,
      ...(route.config.query ? queryParameters(route.config.query) : []),
      ...(route.config.idempotent ? [idempotencyKey] : []),
    ];
    const isPublic = route.config.permission === "public";
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      summary: route.summary,
      ...(isPublic ? { security: [] } : { "x-permission": route.config.permission }),
      ...(parameters.length ? { parameters } : {}),
      ...(route.config.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.config.body) } } } } : {}),
      ...(route.config.accepts === "multipart"
        ? { requestBody: { required: true, content: { "multipart/form-data": { schema: uploadSchema } } } }
        : {}),
      responses: {
        ...successResponse(route.config),
        ...Object.fromEntries(errorStatuses(route.method, route.path, route.config).map((status) => [String(status), errorResponse])),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "首席法律咨询专家库 · Chief Legal Counsel Roster API",
      version: "1.0.0",
      description:
        "JSON in and out. Money is integer fen in fields ending in Fen. Regions are GB/T 2260 codes. Lists take page and pageSize (max 100). Sign in with the session cookie or send Authorization: Bearer <token>.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}

/** The document's own answer: an OpenAPI 3.1 document (its full shape is the OpenAPI specification's). */
export const openApiDocumentResponse = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
