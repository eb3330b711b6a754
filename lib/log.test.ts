import { describe, expect, it } from "vitest";
import { createLogger, withLogContext } from "./log";

/** A logger at info that keeps each line it writes, parsed. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger("info", { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

// What drizzle throws for a failed query: its parameters are in the message (and so in the stack).
class DrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    cause: unknown,
  ) {
    super(`Failed query: ${query}\nparams: ${params.join(",")}`, { cause });
    this.name = "DrizzleQueryError";
  }
}

describe("the server log", () => {
  it("writes one JSON object a line, with a readable level and an ISO time", () => {
    const { logger, lines } = memoryLogger();
    logger.info({ route: "/api/v1/me", status: 200 }, "request");
    expect(lines).toEqual([expect.objectContaining({ level: "info", msg: "request", route: "/api/v1/me", status: 200 })]);
    expect(new Date(String(lines[0]!.time)).toISOString()).toBe(lines[0]!.time);
  });

  it("never writes a password, token, secret, authorization or cookie, at the top or nested", () => {
    const { logger, lines } = memoryLogger();
    logger.info(
      {
        password: "hunter2-hunter2",
        params: { token: "calendar-secret.ics", id: "r1" },
        headers: { authorization: "Bearer clcr_secret", cookie: "next-auth.session-token=abc", "set-cookie": "x=y" },
        body: { account: { newPassword: "another-secret" } },
        rows: [{ secret: "in-a-list" }],
      },
      "request",
    );
    const text = JSON.stringify(lines);
    for (const secret of ["hunter2", "calendar-secret", "clcr_secret", "session-token=abc", "x=y", "another-secret", "in-a-list"])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ params: { token: "[redacted]", id: "r1" }, headers: { authorization: "[redacted]" } });
  });

  it("logs an error with its stack and cause, without the parameters of a failed query", () => {
    const { logger, lines } = memoryLogger();
    const cause = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" });
    const error = new DrizzleQueryError("insert into users (email, password_hash) values ($1, $2)", ["a@b.example", "$argon2id$secret-hash"], cause);
    logger.error({ err: error }, "Unexpected error");
    const err = lines[0]!.err as { message: string; stack: string; query: string; cause: { code: string; stack: string } };
    expect(JSON.stringify(lines)).not.toContain("secret-hash");
    expect(err.message).toBe("Failed query: insert into users (email, password_hash) values ($1, $2)");
    expect(err.stack).toMatch(/^DrizzleQueryError: Failed query: insert into users[^\n]*\n\s+at /);
    expect(err.cause).toMatchObject({ code: "23505" });
    expect(err.cause.stack).toContain("duplicate key value");
  });

  it("adds the request id to every line logged while a request is handled, however deep", async () => {
    const { logger, lines } = memoryLogger();
    await withLogContext({ requestId: "req-1" }, async () => {
      await Promise.resolve();
      logger.warn("inside");
    });
    logger.info("outside");
    expect(lines.map((line) => [line.msg, line.requestId])).toEqual([
      ["inside", "req-1"],
      ["outside", undefined],
    ]);
  });
});
