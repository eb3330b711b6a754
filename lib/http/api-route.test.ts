import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/authz";
import { requiredText } from "@/lib/validation";
import { chunkedBody } from "@/test/chunked-body";
import { captureLog } from "@/test/log-capture";

// Who is calling is decided by lib/auth (tested against a database there); here any session
// cookie or bearer token stands for a signed-in company, so the wrapper's own rules are tested alone.
const company: Actor = {
  userId: "00000000-0000-4000-8000-000000000001",
  role: "enterprise",
  email: "a@test.example",
  name: "A",
  enterpriseId: "00000000-0000-4000-8000-000000000002",
  stationId: null,
  expertId: null,
  regionScope: null,
};
vi.mock("@/lib/auth/actor", () => ({
  actorFromHeaders: async (headers: Headers) =>
    /next-auth\.session-token=/.test(headers.get("cookie") ?? "") || /^bearer /i.test(headers.get("authorization") ?? "") ? company : null,
}));

const { apiRoute, created, UndeclaredAnswerError } = await import("./api-route");

const handled = vi.fn();
const okResponse = z.strictObject({ ok: z.literal(true) });
const fileRoute = apiRoute(
  { permission: "request.create", body: z.object({ title: requiredText(200) }), response: z.strictObject({ id: z.string() }), status: 201 },
  async ({ body }) => {
    handled(body);
    return created({ id: "r1" });
  },
);
const noBodyRoute = apiRoute({ permission: "request.create", response: okResponse }, async () => ({ ok: true }));
const uploadRoute = apiRoute({ permission: "request.create", accepts: "multipart", response: okResponse }, async () => ({ ok: true }));
const query = z.object({ from: z.string().optional(), q: z.string().optional() });
const listRoute = apiRoute({ permission: "public", query, response: query }, async ({ query }) => query);

const cookie = { cookie: "next-auth.session-token=any" };
const json = { "content-type": "application/json" };
const post = (headers: Record<string, string>, body: BodyInit | null = JSON.stringify({ title: "合同纠纷" }), route = fileRoute) =>
  route(new Request("http://roster.example/api/v1/requests", { method: "POST", headers: { host: "roster.example", ...headers }, body }));

beforeEach(() => handled.mockClear());

describe("cookie-authenticated writes only from our own pages", () => {
  it("refuses a write whose Origin names another site with 403, and files nothing", async () => {
    const response = await post({ ...cookie, ...json, origin: "http://evil.example" });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    expect(handled).not.toHaveBeenCalled();
  });

  it("refuses an opaque Origin and a browser's Sec-Fetch-Site: cross-site", async () => {
    expect((await post({ ...cookie, ...json, origin: "null" })).status).toBe(403);
    expect((await post({ ...cookie, ...json, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post({ ...cookie, ...json, origin: "http://roster.example.evil.example" })).status).toBe(403);
    expect(handled).not.toHaveBeenCalled();
  });

  it("accepts our own pages, a proxy's forwarded host, and clients that send no Origin (curl)", async () => {
    expect((await post({ ...cookie, ...json, origin: "http://roster.example", "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect(
      (await post({ ...cookie, ...json, host: "127.0.0.1:3000", "x-forwarded-host": "roster.example", origin: "https://roster.example" })).status,
    ).toBe(201);
    expect((await post({ ...cookie, ...json })).status).toBe(201);
  });

  it("leaves bearer-token calls alone, whatever their Origin", async () => {
    expect((await post({ authorization: "Bearer secret", ...json, origin: "http://evil.example", "sec-fetch-site": "cross-site" })).status).toBe(201);
  });

  it("does not judge reads", async () => {
    const response = await listRoute(new Request("http://roster.example/api/v1/experts", { headers: { ...cookie, origin: "http://evil.example" } }));
    expect(response.status).toBe(200);
  });
});

describe("writes send JSON (uploads: multipart)", () => {
  it("answers a text/plain body with 415 before the use case runs", async () => {
    const response = await post({ ...cookie, "content-type": "text/plain", "content-length": "20" });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unsupported_media_type");
    expect(handled).not.toHaveBeenCalled();
  });

  it("answers a body with no Content-Type at all with 415", async () => {
    const body = new TextEncoder().encode(JSON.stringify({ title: "x" }));
    expect((await post({ ...cookie }, body)).status).toBe(415);
  });

  it("needs no Content-Type on a write without a body, and refuses a text body on it", async () => {
    expect((await post({ ...cookie }, null, noBodyRoute)).status).toBe(200);
    expect((await post({ ...cookie, "content-type": "text/plain", "content-length": "2" }, "{}", noBodyRoute)).status).toBe(415);
  });

  it("takes multipart on an upload route and refuses JSON there", async () => {
    expect((await post({ ...cookie, ...json, "content-length": "2" }, "{}", uploadRoute)).status).toBe(415);
    const form = new FormData();
    form.set("file", new File(["x"], "x.pdf"));
    expect((await post({ ...cookie }, form, uploadRoute)).status).toBe(200);
  });
});

/** Streaming a request body needs half duplex; the DOM's RequestInit type does not know the option yet. */
const streaming = (init: RequestInit & { duplex: "half" }) => init;

describe("no body costs more memory than its limit", () => {
  it("stops reading a chunked body without Content-Length at the limit and answers 413", async () => {
    const body = chunkedBody(450 * 1024 * 1024);
    const request = new Request(
      "http://roster.example/api/v1/requests",
      streaming({ method: "POST", headers: { ...cookie, ...json }, body: body.stream, duplex: "half" }),
    );
    const response = await fileRoute(request);
    expect(response.status).toBe(413);
    // 256 KiB is the default limit: the reading stopped a chunk or two past it, not at 450 MB.
    expect(body.sent()).toBeLessThanOrEqual(512 * 1024);
    expect(handled).not.toHaveBeenCalled();
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const body = chunkedBody(10 * 1024 * 1024);
    const request = new Request(
      "http://roster.example/api/v1/requests",
      streaming({ method: "POST", headers: { ...cookie, ...json, "content-length": String(10 * 1024 * 1024) }, body: body.stream, duplex: "half" }),
    );
    expect((await fileRoute(request)).status).toBe(413);
    expect(body.sent()).toBeLessThanOrEqual(128 * 1024);
  });
});

describe("bad input is never a 500", () => {
  it("answers NUL and a lone surrogate in a JSON field with 422 naming the field", async () => {
    for (const title of ["合同\u0000纠纷", "\ud800合同"]) {
      const response = await post({ ...cookie, ...json }, JSON.stringify({ title }));
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("title");
    }
    expect(handled).not.toHaveBeenCalled();
  });

  it("answers NUL in a query with 422 naming the parameter", async () => {
    const response = await listRoute(new Request("http://roster.example/api/v1/experts?q=a%00b"));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("q");
  });

  it("answers a body that is not UTF-8 with 400", async () => {
    expect((await post({ ...cookie, ...json }, new Uint8Array([0x7b, 0xff, 0x7d]))).status).toBe(400);
  });
});

describe("under test, a route answers only what it declares", () => {
  const get = (route: (request: Request) => Promise<Response>) => route(new Request("http://roster.example/api/v1/x", { headers: cookie }));

  it("fails the call when the answer does not match the response schema, naming the field", async () => {
    const route = apiRoute({ permission: "request.create", response: z.strictObject({ id: z.string() }) }, async () => ({ id: 7 }));
    await expect(get(route)).rejects.toThrow(/id/);
  });

  it("fails the call on a field the schema does not declare (a leak)", async () => {
    const route = apiRoute({ permission: "request.create", response: z.strictObject({ id: z.string() }) }, async () => ({
      id: "a",
      passwordHash: "x",
    }));
    await expect(get(route)).rejects.toThrow(UndeclaredAnswerError);
  });

  it("fails the call when the status or the media type is not the declared one", async () => {
    const wrongStatus = apiRoute({ permission: "request.create", response: z.strictObject({ id: z.string() }) }, async () => created({ id: "a" }));
    await expect(get(wrongStatus)).rejects.toThrow(/answered 201, declared 200/);
    const wrongMedia = apiRoute(
      { permission: "request.create", produces: ["text/csv; charset=utf-8"] },
      async () => new Response("{}", { headers: { "content-type": "application/json" } }),
    );
    await expect(get(wrongMedia)).rejects.toThrow(/application\/json/);
    const undeclared = apiRoute({ permission: "request.create" }, async () => ({ ok: true }));
    await expect(get(undeclared)).rejects.toThrow(/no response schema/);
  });

  it("checks the answer as the client reads it: dates as ISO strings, fen as integers", async () => {
    const route = apiRoute(
      { permission: "request.create", response: z.strictObject({ at: z.iso.datetime(), amountFen: z.number().int() }) },
      async () => ({ at: new Date("2026-01-02T03:04:05Z"), amountFen: 12_345n }),
    );
    expect(await (await get(route)).json()).toEqual({ at: "2026-01-02T03:04:05.000Z", amountFen: 12345 });
  });
});

describe("every call has a request id, and one log line", () => {
  const calendarRoute = apiRoute({ permission: "public", response: okResponse }, async () => ({ ok: true }));
  const call = (headers: Record<string, string> = {}) =>
    calendarRoute(new Request("http://roster.example/api/v1/calendar/secret-feed.ics", { headers }), {
      params: Promise.resolve({ token: "secret-feed.ics" }),
    });

  it("passes on a sane x-request-id and answers it; makes a new one for anything else", async () => {
    expect((await call({ "x-request-id": "lb-7f3a.91:2" })).headers.get("x-request-id")).toBe("lb-7f3a.91:2");
    for (const insane of ["has spaces", "x".repeat(129), "<script>", ""]) {
      const id = (await call({ "x-request-id": insane })).headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const [first, second] = await Promise.all([call(), call()]);
    expect(first.headers.get("x-request-id")).not.toBe(second.headers.get("x-request-id"));
  });

  it("logs the call with its id, the route's pattern, its status and time, and no secret path parameter", async () => {
    const log = captureLog();
    try {
      const response = await call({ "x-request-id": "req-42" });
      expect(response.status).toBe(200);
      await post({ ...cookie, "content-type": "text/plain" }, "x");
    } finally {
      log.restore();
    }
    expect(log.lines).toEqual([
      expect.objectContaining({ msg: "request", requestId: "req-42", method: "GET", route: "/api/v1/calendar/[token]", status: 200 }),
      expect.objectContaining({ msg: "request", method: "POST", route: "/api/v1/requests", status: 415, requestId: expect.any(String) }),
    ]);
    expect(typeof log.lines[0]!.ms).toBe("number");
    expect(JSON.stringify(log.lines)).not.toContain("secret-feed");
  });
});
