/** The cookies of a Cookie header, by name (a value that cannot be decoded is left out). */
export function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (!name || name in cookies) continue;
    try {
      cookies[name] = decodeURIComponent(value.join("="));
    } catch {
      // Not ours to interpret; the cookie is ignored.
    }
  }
  return cookies;
}
