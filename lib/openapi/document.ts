import { z } from "zod";
import { errorStatus } from "@/lib/errors";
import type { RouteConfig } from "@/lib/http/api-route";
import { isWrite } from "@/lib/http/request-guard";

export interface DocumentedRoute {
  method: string;
  /** "/api/v1/requests/{id}" */
  path: string;
  summary: string;
  config: RouteConfig<z.ZodType | undefined, z.ZodType | undefined>;
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

function jsonSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
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

/** The OpenAPI 3.1 document of the JSON API, built from the routes' own zod schemas. */
export function buildOpenApiDocument(routes: DocumentedRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const parameters = [...pathParams, ...(route.config.query ? queryParameters(route.config.query) : [])];
    const isPublic = route.config.permission === "public";
    const write = isWrite(route.method);
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
        "200": { description: "OK", content: { "application/json": {} } },
        "201": { description: "Created", content: { "application/json": {} } },
        "400": errorResponse,
        ...(isPublic ? {} : { "401": errorResponse }),
        // A write from another site is refused even on a public route.
        ...(!isPublic || write ? { "403": errorResponse } : {}),
        "404": errorResponse,
        "409": errorResponse,
        "413": errorResponse,
        ...(write ? { "415": errorResponse } : {}),
        "422": errorResponse,
        "429": errorResponse,
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
