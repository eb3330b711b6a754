import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { setDatabase, type Database, type Db } from "@/db";
import { useTestDatabase } from "@/test/database";
import { checkHealth } from "./health";

const database = useTestDatabase();

/** A stand-in for the database whose every query hangs, or fails at once. */
function brokenDatabase(how: "hangs" | "fails"): Database {
  const execute = () => (how === "hangs" ? new Promise(() => {}) : Promise.reject(new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2")));
  return { kind: "postgres", db: { execute } as unknown as Db, close: async () => {} };
}

/** GET /api/health with the process's database replaced by `stand-in` for the call. */
async function healthWith(standIn: Database) {
  setDatabase(standIn);
  try {
    const started = Date.now();
    const response = await GET(new Request("http://localhost/api/health"));
    return { response, ms: Date.now() - started };
  } finally {
    setDatabase(database.current());
  }
}

describe("GET /api/health", () => {
  it("answers 200 ok when the database answers and the job queue has started, uncached, to anyone", async () => {
    const response = await GET(new Request("http://localhost/api/health", { headers: { authorization: "Bearer not-a-token", cookie: "x=y" } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok", jobs: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers 503 within about two seconds when the database hangs, naming no error", async () => {
    const { response, ms } = await healthWith(brokenDatabase("hangs"));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "failed", jobs: "failed" });
    expect(ms).toBeLessThan(2000);
  });

  it("answers 503 at once when the database refuses, and says nothing of why", async () => {
    const { response, ms } = await healthWith(brokenDatabase("fails"));
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "unavailable", database: "failed", jobs: "failed" });
    expect(text).not.toMatch(/ECONNREFUSED|hunter2|5432/);
    expect(ms).toBeLessThan(500);
  });
});

describe("checkHealth", () => {
  it("fails the job queue alone on a database whose queue has not started in this process", async () => {
    const { db } = database.current();
    const notStarted: Database = { kind: "postgres", db, close: async () => {} };
    expect(await checkHealth(notStarted)).toEqual({ status: "unavailable", database: "ok", jobs: "failed" });
  });

  it("gives a hung database the time it is given, no longer", async () => {
    const started = Date.now();
    expect((await checkHealth(brokenDatabase("hangs"), 100)).database).toBe("failed");
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
