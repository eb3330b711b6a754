import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { useTestDatabase } from "../database";
import { contractCalls, type ContractCall } from "./contract-calls";
import { createWorld, handlersOf, requestFor, routeFiles, routePath, rows, rowsByRoute, type Tokens } from "./routes";
import { actorKinds, type AccessRow, type World } from "./types";

/**
 * The contract suite: every route is called as each actor its access row says succeeds (or as
 * ./contract-calls.ts says, where none does), and every answer is checked against the OpenAPI
 * document: its status is documented, and its body valid under the documented schema.
 */
useTestDatabase();

interface Documented {
  description: string;
  content?: Record<string, { schema: object }>;
}
interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, Documented> }>>;
}

const docPath = (path: string) => path.replace(/\[(\w+)\]/g, "{$1}");
const successKinds = (row: AccessRow) => actorKinds.filter((kind) => row.expect[kind] < 300);

let doc: OpenApi;
const ajv = addFormats(new Ajv2020({ allErrors: true }));
const validators = new Map<object, ValidateFunction>();

function responsesOf(method: string, path: string) {
  const operation = doc.paths[docPath(path)]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path} is not in the document`);
  return operation.responses;
}

/** What is wrong with an answer by the document; null when nothing is. */
async function problemsWith(method: string, path: string, response: Response): Promise<string | null> {
  const documented = responsesOf(method, path)[String(response.status)];
  if (!documented) return `status ${response.status} is not documented`;
  if (!documented.content) return response.body === null ? null : "a body where the document says there is none";
  const mediaType = response.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
  const content = Object.entries(documented.content).find(([media]) => media.split(";")[0] === mediaType)?.[1];
  if (!content) return `media type ${mediaType} is not documented`;
  if (mediaType !== "application/json") return null;
  let validate = validators.get(content.schema);
  if (!validate) validators.set(content.schema, (validate = ajv.compile(content.schema)));
  const body: unknown = await response.json();
  return validate(body) ? null : ajv.errorsText(validate.errors, { dataVar: "answer" });
}

describe("every route answers what the OpenAPI document says", () => {
  let world: World;
  let tokens: Tokens;

  beforeAll(async () => {
    ({ world, tokens } = await createWorld());
    doc = (await (await getOpenApi(new Request("http://localhost/api/v1/openapi.json"))).json()) as OpenApi;
  });

  it("documents every status the access rows expect of each route", () => {
    const undocumented = rows.flatMap((row) => {
      const [method, path] = row.route.split(" ") as [string, string];
      const responses = responsesOf(method, path);
      return [...new Set(Object.values(row.expect))].filter((status) => !(String(status) in responses)).map((status) => `${row.route} ${status}`);
    });
    expect(undocumented).toEqual([]);
  });

  it("has a successful call for every route that no access row's actor passes, and none for the others", () => {
    const passesNobody = rows.filter((row) => successKinds(row).length === 0).map((row) => row.route);
    expect(passesNobody.sort()).toEqual(Object.keys(contractCalls).sort());
  });

  for (const file of routeFiles) {
    describe(routePath(file), () => {
      it("answers each actor that may call it as documented", async () => {
        for (const [method, handler] of await handlersOf(file)) {
          const route = `${method} ${routePath(file)}`;
          const row = rowsByRoute.get(route);
          if (!row) continue; // the access suite reports a route without a row
          const special = contractCalls[route];
          const kinds = special ? [null] : successKinds(row);
          for (const kind of kinds) {
            const call: ContractCall = special
              ? await special(world, tokens)
              : { ...((await row.setup?.(world)) ?? {}), token: kind && kind !== "anonymous" ? tokens[kind] : "" };
            const request = call.form
              ? new Request(`http://localhost${routePath(file)}`, { method, body: call.form, headers: { authorization: `Bearer ${call.token}` } })
              : requestFor(method, file, call, call.token || undefined);
            const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
            expect(response.status, route).toBeLessThan(300);
            expect(await problemsWith(method, routePath(file), response), route).toBeNull();
          }
        }
      });
    });
  }
});
