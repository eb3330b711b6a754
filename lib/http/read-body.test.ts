import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as authRoute } from "@/app/api/auth/[...nextauth]/route";

/** A body that never says its length, sent in 64 KiB chunks; counts what was pulled. */
function chunkedBody(totalBytes: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, sent: () => sent };
}

describe("the sign-in endpoint's body", () => {
  it("is refused with 413 once it passes 16 KiB, without reading the rest", async () => {
    const body = chunkedBody(450 * 1024 * 1024);
    const request = new NextRequest("http://roster.example/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body.stream,
      duplex: "half",
    });
    const response = await authRoute(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(response.status).toBe(413);
    expect(body.sent()).toBeLessThanOrEqual(128 * 1024);
  });
});
