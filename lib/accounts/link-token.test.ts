import { describe, expect, it } from "vitest";
import { isTokenFor, linkIdOf, linkToken, type LinkFacts } from "./link-token";

const link: LinkFacts = { id: "2f1c9a52-8a43-4c1e-9d2b-6f0e3b7c5a10", purpose: "invite", userId: "7d3e1b64-0c5f-4a8e-b2d9-1e6f4c3a8b27" };

describe("set-password link tokens", () => {
  it("name their link and verify for it", () => {
    const token = linkToken(link);
    expect(token).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(linkIdOf(token)).toBe(link.id);
    expect(isTokenFor(token, link)).toBe(true);
  });

  it("fail when any character is changed", () => {
    const token = linkToken(link);
    for (let i = 0; i < token.length; i++) {
      const replacement = token[i] === "A" ? "B" : "A";
      const tampered = token.slice(0, i) + replacement + token.slice(i + 1);
      expect(isTokenFor(tampered, link), `changed at ${i}`).toBe(false);
    }
    expect(isTokenFor(token.slice(0, -1), link)).toBe(false);
    expect(isTokenFor(`${token}A`, link)).toBe(false);
  });

  it("do not carry over to another purpose or account", () => {
    const token = linkToken(link);
    expect(isTokenFor(token, { ...link, purpose: "reset" })).toBe(false);
    expect(isTokenFor(token, { ...link, userId: "00000000-0000-4000-8000-000000000000" })).toBe(false);
  });

  it("name no link when malformed", () => {
    for (const bad of ["", "bad", "not-a-uuid.mac", `${link.id}`, `${link.id}.`, `${link.id}.a.b`]) expect(linkIdOf(bad)).toBeNull();
  });
});
