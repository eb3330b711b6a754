import { randomUUID } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { env } from "@/lib/env";

/*
 * Which address a request came from, for throttling. Next.js (16, `next start`) hands route
 * handlers only headers, and fills X-Forwarded-For with the socket's address only when the client
 * sent none (base-server: `x-forwarded-for ??= socket.remoteAddress`), so from a handler a client's
 * own X-Forwarded-For cannot be told from the socket's address. Node announces every request on
 * the "http.server.request.start" diagnostics channel, with its socket, before Next.js sees it:
 * stampPeerAddress (called once from instrumentation.ts) writes there the hop chain as the socket
 * saw it (what the client or the proxies sent, then the socket's own address), under a secret of
 * this process that no client can forge. clientAddress takes the entry TRUST_PROXY_HOPS from the
 * right: 0 (the default, no proxy) is the socket itself; N trusts what N proxies of the operator's
 * appended, never what the client wrote before them.
 */

const PEER_HEADER = "x-roster-peer-chain";
const STAMP = Symbol.for("roster.peer-chain-stamp");
const SUBSCRIBED = Symbol.for("roster.peer-chain-subscribed");

type Holder = { [STAMP]?: string; [SUBSCRIBED]?: boolean };

// On globalThis: instrumentation and route handlers are bundled apart but share the process.
function processStamp(): string {
  const holder = globalThis as Holder;
  holder[STAMP] ??= randomUUID();
  return holder[STAMP];
}

function listOf(value: unknown): string[] {
  const joined = Array.isArray(value) ? value.join(",") : typeof value === "string" ? value : "";
  return joined
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Writes each incoming request's hop chain, socket address last, under this process's stamp. */
export function stampPeerAddress(): void {
  const holder = globalThis as Holder;
  if (holder[SUBSCRIBED]) return;
  holder[SUBSCRIBED] = true;
  const stamp = processStamp();
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const chain = [...listOf(request.headers["x-forwarded-for"]), socket.remoteAddress ?? "unknown"];
    request.headers[PEER_HEADER] = `${stamp} ${chain.join(",")}`;
  });
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one address; a key stays short whatever a header held. */
function normalize(address: string | undefined): string {
  const plain = (address ?? "")
    .trim()
    .toLowerCase()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return plain.slice(0, 64) || "unknown";
}

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(source: HeaderSource, name: string): unknown {
  if (!source) return undefined;
  return source instanceof Headers ? source.get(name) : source[name];
}

/**
 * The client's address. With the stamp (a server process started through instrumentation.ts) it
 * is exact; without it (scripts, tests) it falls back to X-Forwarded-For as Next.js left it.
 */
export function clientAddress(source: HeaderSource, hops = env().TRUST_PROXY_HOPS): string {
  const stamped = header(source, PEER_HEADER);
  const stamp = (globalThis as Holder)[STAMP];
  let chain: string[];
  if (typeof stamped === "string" && stamp && stamped.startsWith(`${stamp} `)) {
    chain = listOf(stamped.slice(stamp.length + 1));
  } else {
    chain = listOf(header(source, "x-forwarded-for"));
  }
  // Fewer hops than configured: the request did not pass every proxy; its first entry is the nearest truth.
  return normalize(chain[Math.max(0, chain.length - 1 - hops)]);
}
