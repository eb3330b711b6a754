import { readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { renderRouteManifest } from "./manifest";

const ROOT = path.resolve(import.meta.dirname, "../..");

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }>; headers?: Record<string, unknown> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

let doc: Document;
beforeAll(async () => {
  const response = await GET(new Request("http://localhost/api/v1/openapi.json"));
  expect(response.status).toBe(200);
  doc = (await response.json()) as Document;
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ route: `${m.toUpperCase()} ${p}`, op })));

describe("the OpenAPI document", () => {
  it("lists every route module (run `npm run openapi` after adding a route)", () => {
    expect(readFileSync(path.join(ROOT, "app/api/v1/openapi.json/routes.ts"), "utf8")).toBe(renderRouteManifest(ROOT));
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate({ ...doc });
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("holds only schemas a strict JSON Schema 2020-12 validator compiles", () => {
    const ajv = addFormats(new Ajv2020({ strict: true }));
    const broken: string[] = [];
    for (const { route, op } of operations()) {
      const schemas = [
        ...Object.values(op.requestBody?.content ?? {}).map((c) => c.schema),
        ...Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {}).map((c) => c.schema)),
      ];
      for (const schema of schemas) {
        try {
          ajv.compile(schema);
        } catch (error) {
          broken.push(`${route}: ${(error as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("gives every success answer a schema or its media types, and 204 no body", () => {
    const missing = operations().flatMap(({ route, op }) => {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith("2"));
      if (success.length !== 1) return [`${route}: ${success.length} success statuses`];
      const [status, response] = success[0]!;
      if (status === "204") return response.content ? [`${route}: a body on 204`] : [];
      const json = response.content?.["application/json"]?.schema;
      if (json) return Object.keys(json).length ? [] : [`${route}: an empty schema`];
      return Object.keys(response.content ?? {}).length ? [] : [`${route}: no content`];
    });
    expect(missing).toEqual([]);
  });

  it("describes the contract's routes with their request bodies and answers", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/me", "/api/v1/enterprises/register", "/api/v1/stats", "/api/v1/tokens/{id}", "/api/v1/openapi.json"]),
    );
    const register = doc.paths["/api/v1/enterprises/register"]!.post!;
    expect(Object.keys(register.requestBody!.content["application/json"]!.schema.properties)).toEqual(
      expect.arrayContaining(["companyName", "creditCode", "contactName", "email", "password", "phone"]),
    );
    expect(register.responses["201"]!.content!["application/json"]!.schema).toMatchObject({ required: ["enterpriseId", "userId"] });
    const accept = doc.paths["/api/v1/offers/{id}/accept"]!.post!.responses["200"]!.content!["application/json"]!.schema;
    expect(accept).toMatchObject({ properties: { requestId: { type: "string" }, status: { enum: ["accepted", "declined"] } } });
  });
});

describe("the OpenAPI document's statuses, headers and media types", () => {
  const statusesOf = (method: string, p: string) => Object.keys(doc.paths[p]![method]!.responses);

  it("lists only the statuses a route can answer", () => {
    expect(statusesOf("get", "/api/v1/me")).toEqual(["200", "401", "403", "422"]);
    expect(statusesOf("get", "/api/v1/specialties")).toEqual(["200", "422"]);
    expect(statusesOf("post", "/api/v1/enterprises/register")).toEqual(["201", "400", "403", "409", "413", "415", "422", "429"]);
    expect(statusesOf("post", "/api/v1/offers/{id}/accept")).toEqual(["200", "401", "403", "404", "409", "415", "422"]);
    expect(statusesOf("post", "/api/v1/me/password")).toEqual(["204", "400", "401", "403", "409", "413", "415", "422", "429"]);
  });

  it("documents uploads as multipart and answers 415 on writes", () => {
    const upload = doc.paths["/api/v1/requests/{id}/attachments"]!.post!;
    expect(Object.keys(upload.requestBody!.content)).toEqual(["multipart/form-data"]);
    expect(upload.responses).toHaveProperty("415");
    expect(doc.paths["/api/v1/me"]!.get!.responses).not.toHaveProperty("415");
  });

  it("declares the Idempotency-Key header of filing a request, and the replay header", () => {
    const file = doc.paths["/api/v1/requests"]!.post!;
    expect(file.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header" }));
    expect(file.responses["201"]!.headers).toHaveProperty("Idempotent-Replayed");
    expect(doc.paths["/api/v1/requests"]!.get!.parameters?.map((p) => p.name)).not.toContain("Idempotency-Key");
  });

  it("gives the report export its real media types, CSV and Excel", () => {
    const content = doc.paths["/api/v1/reports/export"]!.get!.responses["200"]!.content!;
    expect(Object.keys(content)).toEqual(["text/csv; charset=utf-8", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
  });
});
