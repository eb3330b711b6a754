import { describe, expect, it } from "vitest";
import { errorResponseBody } from "@/lib/http/error-body";
import { contentionAsConflict, isContentionFailure } from "./db-errors";

const pgError = (code: string) => Object.assign(new Error("canceling statement"), { code });

describe("a race PostgreSQL broke off", () => {
  it("is recognised by its SQLSTATE, also when wrapped as a cause", () => {
    expect(isContentionFailure(pgError("40P01"))).toBe(true);
    expect(isContentionFailure(new Error("query failed", { cause: pgError("40001") }))).toBe(true);
    expect(isContentionFailure(pgError("23505"))).toBe(false);
    expect(contentionAsConflict(pgError("23505"))).toBeInstanceOf(Error);
  });

  it("answers 409 conflict, never 500", () => {
    for (const code of ["40P01", "40001"]) {
      const { status, body } = errorResponseBody(new Error("failed", { cause: pgError(code) }), "en");
      expect(status).toBe(409);
      expect(body.error.code).toBe("conflict");
    }
    expect(errorResponseBody(pgError("XX000"), "en").status).toBe(500);
  });
});
