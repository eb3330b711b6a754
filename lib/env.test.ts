import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("environment parsing", () => {
  it("defaults to the embedded database and a development secret", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.NEXTAUTH_SECRET.length).toBeGreaterThan(20);
    expect(env.SMTP_HOST).toBeUndefined();
  });

  it("takes a PostgreSQL URL and treats an empty one as unset", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@127.0.0.1:5432/db" }).DATABASE_URL).toBe("postgres://u@127.0.0.1:5432/db");
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("rejects a non-PostgreSQL URL and a bad port", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x@y/z" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ SMTP_PORT: "99999" })).toThrow(/SMTP_PORT/);
  });

  it("requires a real secret in production, except while building", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET/);
    expect(parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).NODE_ENV).toBe("production");
    expect(parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "s3cret-value" }).NEXTAUTH_SECRET).toBe("s3cret-value");
  });
});
