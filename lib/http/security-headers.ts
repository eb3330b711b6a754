/**
 * The page policy: scripts run only with this response's nonce (Next.js puts it on its own
 * scripts) and what they load ('strict-dynamic'); no inline script an attacker could inject.
 * Styles keep 'unsafe-inline': React renders style attributes, which a nonce cannot cover.
 * Development also needs eval for React's debugging.
 */
export function pageContentSecurityPolicy(nonce: string, isDevelopment: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce for one response. */
export const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");

/** One year; subdomains are left alone, as they may be other services of the same domain. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/** Served over HTTPS: directly, or by a proxy that terminated TLS and says so. */
export function isHttps(url: URL, headers: Headers): boolean {
  return url.protocol === "https:" || headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}
