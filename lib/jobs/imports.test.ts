import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** The project's own modules a file imports (static `import … from` and `export … from`, types included). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const [, specifier] of source.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)) {
    const base = specifier!.startsWith("@/")
      ? path.join(root, specifier!.slice(2))
      : specifier!.startsWith(".")
        ? path.resolve(path.dirname(file), specifier!)
        : null;
    if (!base) continue;
    const resolved = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((candidate) => existsSync(candidate));
    if (resolved) found.push(resolved);
  }
  return found;
}

/** Every module reachable from `start`, with the path by which it was first reached. */
function reachable(start: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    for (const next of importsOf(file)) {
      if (seen.has(next)) continue;
      seen.set(next, [...seen.get(file)!, next]);
      queue.push(next);
    }
  }
  return seen;
}

describe("the job queue's imports", () => {
  it("never reach the job handlers, so a use case may enqueue a job without an import cycle", () => {
    const registry = path.join(root, "lib/jobs/registry.ts");
    const paths = reachable(path.join(root, "lib/notifications/notify.ts"));
    expect(paths.get(registry)?.map((file) => path.relative(root, file))).toBeUndefined();
  });
});
