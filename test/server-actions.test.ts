import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Server actions are public endpoints: every export of every "use server" file must be built
 * with the one wrapper, `action(...)` from lib/http/server-action, which parses, finds the actor
 * and checks the permission.
 */
const ROOT = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const serverFiles = ["app", "lib", "components"]
  .flatMap((d) => sourceFiles(path.join(ROOT, d)))
  .filter((f) => /^\s*["']use server["']/.test(readFileSync(f, "utf8")));

describe("server actions", () => {
  it("finds the server action files", () => {
    expect(serverFiles.length).toBeGreaterThan(0);
  });

  it.each(serverFiles.map((f) => [path.relative(ROOT, f)]))("%s exports only wrapped actions", (file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    const exports = source.split("\n").filter((line) => /^export\b/.test(line));
    expect(exports.length).toBeGreaterThan(0);
    const unwrapped = exports.filter((line) => !/^export const \w+ = action\(/.test(line));
    expect(unwrapped).toEqual([]);
  });
});
