import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The command as an operator runs it, on an empty embedded database of its own.
const dir = mkdtempSync(path.join(tmpdir(), "clcr-admin-create-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function adminCreate(args: string[], stdin?: string) {
  const { DATABASE_URL: _server, ...environment } = process.env;
  const result = spawnSync("npx", ["tsx", "scripts/admin-create.ts", ...args], {
    input: stdin,
    encoding: "utf8",
    env: { ...environment, PGLITE_DIR: path.join(dir, "db"), NEXTAUTH_URL: "https://roster.example.org" },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("npm run admin:create", () => {
  it("creates the first admin on an empty database and prints a one-time link; refuses the same e-mail", () => {
    const first = adminCreate(["--email", "Chief@Example.org", "--name", "首席管理员"]);
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^https:\/\/roster\.example\.org\/set-password\?token=[0-9a-f-]{36}\.[\w-]+$/m);

    const again = adminCreate(["--email", "chief@example.org", "--name", "Again"]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("already registered");
  }, 60_000);

  it("reads the password from standard input and holds it to the password rules", () => {
    const weak = adminCreate(["--email", "weak@example.org", "--name", "W", "--password-stdin"], "short\n");
    expect(weak.code).toBe(1);
    expect(weak.err).toContain("password");
    const strong = adminCreate(["--email", "strong@example.org", "--name", "S", "--password-stdin"], "a-long-admin-passphrase\n");
    expect(strong.code).toBe(0);
    expect(strong.out).not.toContain("set-password");
  }, 60_000);

  it("explains its usage when an argument is missing", () => {
    const missing = adminCreate(["--name", "Nobody"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("--email");
  });
});
