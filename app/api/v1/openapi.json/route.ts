// GET /api/v1/openapi.json - anyone: the OpenAPI 3.1 document, generated from the routes' zod schemas
import type { ApiRouteHandler } from "@/lib/http/api-route";
import { apiRoute } from "@/lib/http/api-route";
import { buildOpenApiDocument, openApiDocumentResponse, type DocumentedRoute } from "@/lib/openapi/document";
import { routeModules } from "./routes";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const SUMMARY = "anyone: the OpenAPI 3.1 document, generated from the routes' zod schemas";

export const GET = apiRoute({ permission: "public", response: openApiDocumentResponse }, async () => {
  const routes: DocumentedRoute[] = [];
  for (const entry of routeModules) {
    const mod = (await entry.load()) as Partial<Record<(typeof METHODS)[number], ApiRouteHandler>>;
    for (const method of METHODS) {
      const handler = mod[method];
      if (!handler?.apiConfig) continue;
      const summaries = entry.summaries as Partial<Record<string, string>>;
      routes.push({ method, path: entry.path, summary: summaries[method] ?? "", config: handler.apiConfig });
    }
  }
  // The manifest leaves this module out (it would load itself); the document describes it all the same.
  routes.push({ method: "GET", path: "/api/v1/openapi.json", summary: SUMMARY, config: GET.apiConfig });
  return buildOpenApiDocument(routes);
});
