import { randomUUID } from "node:crypto";

/** A request id a proxy or client may pass on: letters, digits and `._:-`, at most 128 of them. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: the incoming `x-request-id` when it is a sane token (so one id follows a call
 * through the reverse proxy and the app), else a new one. Anything else a client sends is not
 * echoed or logged.
 */
export function requestIdOf(headers: Headers): string {
  const incoming = headers.get("x-request-id")?.trim();
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The route's path with each path parameter's value replaced by its name: /api/v1/requests/[id]. */
export function routePattern(pathname: string, params: Record<string, string>): string {
  const names = new Map(Object.entries(params).map(([name, value]) => [value, name]));
  return pathname
    .split("/")
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // an undecodable segment is no parameter value
      }
      const name = names.get(decoded);
      return name ? `[${name}]` : segment;
    })
    .join("/");
}
