import type { Actor } from "@/lib/authz";
import type { ActionResult } from "@/lib/http/server-action";
import { sessionCookieFor } from "./fixtures";
import { setRequestHeaders } from "./next-request";

/** Who calls: nobody, a signed-in person (their session cookie, as a browser sends it), or an API token. */
export type Caller = "anonymous" | Actor | { bearer: string };

async function headersFor(caller: Caller): Promise<Headers> {
  if (caller === "anonymous") return new Headers();
  if ("bearer" in caller) return new Headers({ authorization: `Bearer ${caller.bearer}` });
  return new Headers({ cookie: await sessionCookieFor(caller) });
}

/**
 * Calls a server action as the caller would from a page: the action finds its actor in the
 * request headers. Needs the next/headers stand-in of test/next-request.ts.
 */
export async function callActionAs<I, T>(caller: Caller, serverAction: (raw: I) => Promise<ActionResult<T>>, input: I): Promise<ActionResult<T>> {
  setRequestHeaders(await headersFor(caller));
  return serverAction(input);
}
