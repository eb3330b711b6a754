import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Reading the project's own source, for tests that check how it is put together.

export const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib", "db", "scripts"];
const SKIP = /(^|\/)(node_modules|\.next|migrations)(\/|$)|\.test\.tsx?$|\.d\.ts$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (SKIP.test(full)) return [];
    if (statSync(full).isDirectory()) return walk(full);
    return /\.(ts|tsx|mts|mjs)$/.test(name) ? [full] : [];
  });
}

/** Every source file of the app (absolute paths), tests left out. */
export function sourceFiles(): string[] {
  const rootFiles = readdirSync(ROOT)
    .filter((name) => /\.tsx?$/.test(name) && !SKIP.test(name))
    .map((name) => path.join(ROOT, name));
  return [...SOURCE_DIRS.flatMap((dir) => walk(path.join(ROOT, dir))), ...rootFiles];
}

const cache = new Map<string, string>();
export function read(file: string): string {
  let text = cache.get(file);
  if (text === undefined) cache.set(file, (text = readFileSync(file, "utf8")));
  return text;
}

export const isClientModule = (file: string) => /^\s*["']use client["']/.test(read(file));
export const isServerActionModule = (file: string) => /^\s*["']use server["']/.test(read(file));

// Value imports only: `import type` and `export type` are erased and bundle nothing.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The project's own modules a module imports as values (packages left out). */
export function localImports(file: string): string[] {
  return Array.from(read(file).matchAll(IMPORT), (m) => resolve(file, (m[1] ?? m[2])!)).filter((f): f is string => f !== null);
}

/** The modules reachable from these, themselves included, not looking into the boundary's modules. */
export function importClosure(entries: string[], isBoundary: (file: string) => boolean = () => false): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!isBoundary(file)) queue.push(...localImports(file));
  }
  return seen;
}
