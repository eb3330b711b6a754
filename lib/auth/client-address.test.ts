import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, stampPeerAddress } from "./client-address";

/** A real HTTP server: what a handler sees for a request sent with these headers. */
let seen: IncomingMessage["headers"] = {};
const server = createServer((req, res) => {
  seen = { ...req.headers };
  res.end();
});

async function send(headers: Record<string, string>): Promise<IncomingMessage["headers"]> {
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, headers }, (res) => {
      res.resume();
      res.on("end", resolve);
    });
    req.on("error", reject);
    req.end();
  });
  return seen;
}

beforeAll(async () => {
  stampPeerAddress();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the client address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For the client sends", async () => {
    expect(clientAddress(await send({ "x-forwarded-for": "203.0.113.9, 198.51.100.1" }), 0)).toBe("127.0.0.1");
    expect(clientAddress(await send({}), 0)).toBe("127.0.0.1");
  });

  it("is what the trusted proxies appended, never what the client wrote before them", async () => {
    // The client forged 6.6.6.6; the operator's one proxy appended the address it saw.
    const headers = await send({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientAddress(headers, 1)).toBe("203.0.113.9");
    expect(clientAddress(headers, 2)).toBe("6.6.6.6");
    expect(clientAddress(await send({}), 1)).toBe("127.0.0.1");
  });

  it("cannot be forged with the stamp header itself", async () => {
    const headers = await send({ "x-roster-peer-chain": "guess 6.6.6.6" });
    expect(clientAddress(headers, 0)).toBe("127.0.0.1");
    expect(clientAddress(new Headers({ "x-roster-peer-chain": "guess 6.6.6.6", "x-forwarded-for": "10.0.0.1" }), 0)).toBe("10.0.0.1");
  });

  it("falls back to X-Forwarded-For as Next.js left it when no server stamped the request", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:10.0.0.7" }), 0)).toBe("10.0.0.7");
    expect(clientAddress(new Headers(), 0)).toBe("unknown");
  });
});
