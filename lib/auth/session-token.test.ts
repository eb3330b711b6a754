import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken } from "./session-token";

const secret = "a-secret-of-thirty-two-characters-or-more";
const claims = { sub: "1b2c3d4e-0000-4000-8000-000000000001", role: "enterprise", sid: "1b2c3d4e-0000-4000-8000-000000000002" };

/** A session token as next-auth issues it (encode is what its sign-in and renewal call). */
const issue = (maxAge = 3600, withSecret = secret) => encode({ token: claims, secret: withSecret, maxAge });

describe("a session token", () => {
  it("decodes to exactly what next-auth's own decode reads, time after time", async () => {
    const token = await issue();
    const ours = await decodeSessionToken(token, secret);
    expect(ours).toEqual(await decode({ token, secret }));
    expect(ours).toMatchObject(claims);
    expect(await decodeSessionToken(await issue(), secret)).toMatchObject(claims);
  });

  it("is refused when tampered with, whichever part is changed", async () => {
    const token = await issue();
    const parts = token.split(".");
    for (const index of [0, 2, 3, 4]) {
      const part = parts[index]!;
      const flipped = parts.map((p, i) => (i === index ? (part[0] === "A" ? "B" : "A") + part.slice(1) : p)).join(".");
      await expect(decodeSessionToken(flipped, secret), `part ${index}`).rejects.toThrow();
      await expect(decode({ token: flipped, secret }), `part ${index}`).rejects.toThrow();
    }
  });

  it("is refused when issued with another secret", async () => {
    await expect(decodeSessionToken(await issue(3600, "another-secret-of-thirty-two-characters"), secret)).rejects.toThrow();
  });

  it("is refused once expired, with next-auth's 15 seconds of tolerance for clocks", async () => {
    await expect(decodeSessionToken(await issue(-60), secret)).rejects.toThrow(/exp/);
    await expect(decode({ token: await issue(-60), secret })).rejects.toThrow(/exp/);
    expect(await decodeSessionToken(await issue(-5), secret)).toMatchObject(claims);
  });

  it("is nothing when empty", async () => {
    expect(await decodeSessionToken("", secret)).toBeNull();
  });
});
