import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, serverActionFiles } from "./server-action-files";

/**
 * Server actions are public endpoints: every export of every "use server" file must be built
 * with the one wrapper, `action(...)` from lib/http/server-action, which finds the actor, checks
 * the permission and parses. What each actor gets from each action is in test/access.
 */
const serverFiles = serverActionFiles();

describe("server actions", () => {
  it("finds the server action files", () => {
    expect(serverFiles.length).toBeGreaterThan(0);
  });

  it.each(serverFiles.map((f) => [f]))("%s exports only wrapped actions", (file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    const exports = source.split("\n").filter((line) => /^export\b/.test(line));
    expect(exports.length).toBeGreaterThan(0);
    const unwrapped = exports.filter((line) => !/^export const \w+ = action\(/.test(line));
    expect(unwrapped).toEqual([]);
  });
});
