import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { renderRouteManifest } from "./manifest";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the OpenAPI document", () => {
  it("lists every route module (run `npm run openapi` after adding a route)", () => {
    expect(readFileSync(path.join(ROOT, "app/api/v1/openapi.json/routes.ts"), "utf8")).toBe(renderRouteManifest(ROOT));
  });

  it("describes the contract's routes with their request bodies", async () => {
    const response = await GET(new Request("http://localhost/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/me", "/api/v1/enterprises/register", "/api/v1/stats", "/api/v1/tokens/{id}"]),
    );
    const register = doc.paths["/api/v1/enterprises/register"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(Object.keys(register.properties)).toEqual(
      expect.arrayContaining(["companyName", "creditCode", "contactName", "email", "password", "phone"]),
    );
  });
});

describe("the OpenAPI document's media types", () => {
  it("documents uploads as multipart and answers 415 on writes", async () => {
    const doc = (await (await GET(new Request("http://localhost/api/v1/openapi.json"))).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, unknown> }>>;
    };
    const upload = doc.paths["/api/v1/requests/{id}/attachments"]!.post!;
    expect(Object.keys(upload.requestBody!.content)).toEqual(["multipart/form-data"]);
    expect(upload.responses).toHaveProperty("415");
    expect(doc.paths["/api/v1/enterprises/register"]!.post!.responses).toHaveProperty("415");
    expect(doc.paths["/api/v1/enterprises/register"]!.post!.responses).toHaveProperty("403");
    expect(doc.paths["/api/v1/me"]!.get!.responses).not.toHaveProperty("415");
  });
});
