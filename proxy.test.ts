import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import nextConfig from "./next.config";
import { config, proxy } from "./proxy";

const page = (url: string, headers: Record<string, string> = {}) => proxy(new NextRequest(url, { headers }));
const scriptSrc = (policy: string | null) => (policy ?? "").split("; ").find((d) => d.startsWith("script-src")) ?? "";

describe("page headers", () => {
  it("allow scripts by a fresh nonce per response, never 'unsafe-inline', and hand the nonce to Next.js", () => {
    const first = page("http://roster.example/experts");
    const second = page("http://roster.example/experts");
    const policy = first.headers.get("content-security-policy");
    expect(scriptSrc(policy)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(scriptSrc(policy)).not.toContain("unsafe-inline");
    expect(scriptSrc(second.headers.get("content-security-policy"))).not.toBe(scriptSrc(policy));
    // Next.js reads the nonce from the request's policy while rendering.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("send HSTS when served over HTTPS, directly or behind a TLS proxy, and not over plain HTTP", () => {
    expect(page("https://roster.example/").headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(page("http://roster.example/", { "x-forwarded-proto": "https" }).headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(page("http://roster.example/").headers.get("strict-transport-security")).toBeNull();
  });

  it("still send a signed-out visitor of the portal to sign in, with the policy", () => {
    const response = page("https://roster.example/requests?status=submitted");
    expect(response.headers.get("location")).toBe("https://roster.example/login?callbackUrl=%2Frequests%3Fstatus%3Dsubmitted");
    expect(response.headers.get("content-security-policy")).toContain("'nonce-");
    expect(page("https://roster.example/requests", { cookie: "next-auth.session-token=x" }).headers.get("location")).toBeNull();
  });
});

describe("an attachment download keeps its own sandbox policy", () => {
  it("is matched neither by the proxy nor by a global Content-Security-Policy", async () => {
    const [matcher] = config.matcher;
    expect(new RegExp(`^${matcher}$`).test("/api/v1/attachments/1")).toBe(false);
    expect(new RegExp(`^${matcher}$`).test("/experts")).toBe(true);
    const rules = (await nextConfig.headers?.()) ?? [];
    const policies = rules.flatMap((rule) => rule.headers).filter((h) => h.key.toLowerCase() === "content-security-policy");
    expect(policies).toEqual([]);
  });
});
