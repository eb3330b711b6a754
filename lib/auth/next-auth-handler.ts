import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { siteUrl } from "@/lib/env";
import { parseCookies } from "./cookies";
import { authOptions } from "./options";
import { safeRedirectPath } from "./safe-redirect";

const CALLBACK_COOKIES = ["__Secure-next-auth.callback-url", "next-auth.callback-url"];

/**
 * next-auth answers 500 to any request whose callbackUrl (query or cookie) is not an absolute
 * http(s) URL, before any callback of ours runs: a foreign or malformed one would break sign-in
 * for whoever carries it. Every callback address becomes a path of our own site first.
 */
function ownSite(value: unknown): string | undefined {
  return typeof value === "string" ? siteUrl() + safeRedirectPath(value, siteUrl(), "/") : undefined;
}

async function bodyOf(request: Request): Promise<Record<string, string> | undefined> {
  if (request.method !== "POST") return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(await request.text()));
  if (type.includes("application/json")) {
    try {
      const json: unknown = await request.json();
      return json && typeof json === "object" ? Object.fromEntries(Object.entries(json).map(([k, v]) => [k, String(v)])) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** What next-auth's handler writes, gathered into a web Response. */
class GatheredResponse {
  statusCode = 200;
  readonly headers = new Headers();
  setCookies: string[] = [];
  body: string | null = null;

  status(code: number) {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string) {
    return name.toLowerCase() === "set-cookie" ? this.setCookies : (this.headers.get(name) ?? undefined);
  }
  setHeader(name: string, value: string | string[]) {
    if (name.toLowerCase() === "set-cookie") this.setCookies = Array.isArray(value) ? value : [value];
    else this.headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    return this;
  }
  end() {
    return this;
  }
  json(value: unknown) {
    this.headers.set("content-type", "application/json");
    this.body = JSON.stringify(value);
    return this;
  }
  send(value: unknown) {
    if (typeof value === "string") this.body = value;
    else this.json(value ?? null);
    return this;
  }
  toResponse(): Response {
    for (const cookie of this.setCookies) this.headers.append("set-cookie", cookie);
    return new Response(this.statusCode === 302 ? null : this.body, { status: this.statusCode, headers: this.headers });
  }
}

/**
 * next-auth 4's endpoints (/api/auth/<action>/<provider>) served from a web Request, through its
 * API-route handler: the request is read from the Request itself (no request-scoped next/headers),
 * and callback addresses are made our own first.
 */
export async function handleNextAuth(request: Request, segments: string[]): Promise<Response> {
  const url = new URL(request.url);
  const query: Record<string, string | string[]> = { ...Object.fromEntries(url.searchParams), nextauth: segments };
  const cookies = parseCookies(request.headers.get("cookie"));
  const body = await bodyOf(request);
  if (typeof query.callbackUrl === "string") query.callbackUrl = ownSite(query.callbackUrl)!;
  for (const name of CALLBACK_COOKIES) if (name in cookies) cookies[name] = ownSite(cookies[name])!;
  if (body && "callbackUrl" in body) body.callbackUrl = ownSite(body.callbackUrl)!;
  const req: Partial<NextApiRequest> = { method: request.method, query, cookies, body, headers: Object.fromEntries(request.headers) };
  const res = new GatheredResponse();
  // Its API-route handler uses only status, getHeader, setHeader, end, json and send of a response.
  await NextAuth(req as NextApiRequest, res as unknown as NextApiResponse, authOptions());
  return res.toResponse();
}
