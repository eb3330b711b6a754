import { describe, expect, it } from "vitest";
import { callNextAuth } from "@/test/next-auth";
import { safeRedirectPath } from "./safe-redirect";

const origin = "https://roster.example";

describe("the page after sign-in", () => {
  it("is a path of our own site, with its query", () => {
    expect(safeRedirectPath("/requests?status=submitted", origin)).toBe("/requests?status=submitted");
    expect(safeRedirectPath("https://roster.example/cases/1?tab=x", origin)).toBe("/cases/1?tab=x");
    expect(safeRedirectPath(undefined, origin)).toBe("/portal");
  });

  it("never leads to another site, however the address is dressed up", () => {
    for (const target of [
      "/\\evil.example/x",
      "/\t/evil.example",
      "//evil.example",
      "https://evil.example/portal",
      "javascript:alert(1)",
      "http://[",
      "/%09/evil.example",
    ]) {
      const path = safeRedirectPath(target, origin);
      expect(new URL(path, origin).origin, target).toBe(origin);
      expect(path, target).toMatch(/^\/(?![/\\])/);
    }
    // A path that collapses to "//host" keeps one slash, so it stays a path.
    expect(safeRedirectPath("/.//evil.example/x", origin)).toBe("/evil.example/x");
    expect(safeRedirectPath(["/a", "/b"], origin)).toBe("/portal");
  });

  it("is never an error at next-auth's endpoints, whatever callback address is sent", async () => {
    for (const callbackUrl of ["foo", "http://[", "https://evil.example/x", "/\\evil.example/x"]) {
      const signIn = await callNextAuth("GET", `signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { address: "10.60.0.1" });
      expect(signIn.status, callbackUrl).toBeLessThan(500);
      const location = signIn.headers.get("location");
      if (location) expect(new URL(location, "http://localhost:3000").host, callbackUrl).toBe("localhost:3000");
      const session = await callNextAuth("GET", "session", {
        address: "10.60.0.1",
        cookie: `next-auth.callback-url=${encodeURIComponent(callbackUrl)}`,
      });
      expect(session.status, callbackUrl).toBe(200);
    }
  });
});
