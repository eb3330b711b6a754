import type { AnyRouteConfig } from "@/lib/http/api-route";
import { isWrite } from "@/lib/http/request-guard";

/**
 * The error statuses a route can answer, from what its configuration makes the wrapper do:
 * - 400: a JSON body that is not JSON, or an upload that is not multipart
 * - 401: a route that needs a signed-in actor
 * - 403: a role without the permission, and a write from another site (even on a public route)
 * - 404: a record named in the path that is absent or not visible; or declared
 * - 409: a write that lost a race (a serialization failure is answered as a conflict); or declared
 * - 413: a body over its limit
 * - 415: a write whose body is not the media type the route takes
 * - 422: any route, since text that cannot be stored is refused in the path and query too
 * - 429: declared (sign-in and registration throttling, and too many password hashes queued)
 */
export function errorStatuses(method: string, path: string, config: AnyRouteConfig): number[] {
  const write = isWrite(method);
  const extra = new Set(config.errors ?? []);
  const readsBody = config.body !== undefined || config.accepts === "multipart";
  const isPublic = config.permission === "public";
  const statuses: [number, boolean][] = [
    [400, readsBody],
    [401, !isPublic],
    [403, !isPublic || write],
    [404, path.includes("{") || extra.has("not_found")],
    [409, write || extra.has("conflict")],
    [413, readsBody],
    [415, write],
    [422, true],
    [429, extra.has("rate_limited")],
  ];
  return statuses.filter(([, applies]) => applies).map(([status]) => status);
}
