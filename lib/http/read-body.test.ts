import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { chunkedBody } from "@/test/chunked-body";
import { POST as authRoute } from "@/app/api/auth/[...nextauth]/route";

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
