/**
 * Where to send someone after sign-in: the path and query of `target` when it resolves to our own
 * origin, else `fallback`. Resolving as a browser does catches what a prefix check misses:
 * "/\evil.example" and "/<tab>/evil.example" are both "//evil.example" to a browser. Never throws,
 * whatever the input (a repeated query parameter arrives as an array).
 */
export function safeRedirectPath(target: unknown, origin: string, fallback = "/portal"): string {
  if (typeof target !== "string" || target === "") return fallback;
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  // A path that itself starts with "//" would name a host again once written into a Location.
  return url.pathname.replace(/^[/\\]+/, "/") + url.search;
}
