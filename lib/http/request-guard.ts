import { AppError } from "@/lib/errors";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const isWrite = (method: string) => WRITE_METHODS.has(method.toUpperCase());

const isBearer = (headers: Headers) => /^bearer\s/i.test(headers.get("authorization") ?? "");

/** The hosts this site answers as: the Host the browser asked for, the one a proxy forwarded, and the configured address. */
function ownHosts(headers: Headers, siteUrl: string | undefined): string[] {
  const hosts = [headers.get("host"), headers.get("x-forwarded-host")?.split(",")[0]];
  if (siteUrl) hosts.push(new URL(siteUrl).host);
  return hosts.filter((h): h is string => !!h).map((h) => h.trim().toLowerCase());
}

/**
 * Refuses (403) a write a browser sent from another site: its Origin names another host (or is
 * opaque, "null"), or the browser itself says Sec-Fetch-Site: cross-site. A page of another site
 * can send neither an Authorization header nor a spoofed Host without a CORS preflight we never
 * grant, so comparing with the request's own Host is sound behind any proxy; the configured site
 * address covers a proxy that rewrites Host. Bearer-token calls carry no ambient credential and
 * are exempt; callers that send neither header (curl, servers) are not browsers and pass.
 */
export function refuseCrossSiteWrite(request: Request, siteUrl: string | undefined): void {
  const { headers } = request;
  if (!isWrite(request.method) || isBearer(headers)) return;
  const crossSite = () => new AppError("forbidden", "errors.crossSite");
  if (headers.get("sec-fetch-site")?.toLowerCase() === "cross-site") throw crossSite();
  const origin = headers.get("origin");
  if (origin === null) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    throw crossSite();
  }
  if (!originHost || !ownHosts(headers, siteUrl).includes(originHost)) throw crossSite();
}

export type BodyMediaType = "application/json" | "multipart/form-data";

/** Whether the headers announce a body: a non-zero Content-Length or a chunked one. */
export const announcesBody = (headers: Headers) => {
  const length = headers.get("content-length");
  return (length !== null && Number(length) !== 0) || headers.has("transfer-encoding");
};

/**
 * 415 for a body that is not of the route's media type. A write with no body needs no
 * Content-Type. Requiring JSON is also what keeps a plain HTML form of another site from
 * posting here: a form can only send text/plain, urlencoded or multipart.
 */
export function requireMediaType(headers: Headers, accepted: BodyMediaType, hasBody: boolean): void {
  if (!hasBody) return;
  const essence = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (essence !== accepted) throw new AppError("unsupported_media_type", "errors.unsupportedMediaType");
}
