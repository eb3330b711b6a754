import { GET, POST } from "@/app/api/auth/[...nextauth]/route";

/** Cookies a response sets, by name (an emptied cookie has value ""). */
export function setCookies(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => [line.split("=")[0]!, line.slice(line.indexOf("=") + 1).split(";")[0]!]));
}

/** Calls next-auth's own endpoint `/api/auth/<path>` as a browser at `address` would. */
export async function callNextAuth(
  method: "GET" | "POST",
  path: string,
  options: { address: string; cookie?: string; form?: Record<string, string> },
): Promise<Response> {
  const headers = new Headers({ "x-forwarded-for": options.address, host: "localhost:3000" });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.form) headers.set("content-type", "application/x-www-form-urlencoded");
  const request = new Request(`http://localhost:3000/api/auth/${path}`, {
    method,
    headers,
    body: options.form ? new URLSearchParams(options.form).toString() : undefined,
  });
  const context = { params: Promise.resolve({ nextauth: path.split("?")[0]!.split("/") }) };
  return (method === "GET" ? GET : POST)(request, context);
}
