import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The project root; server action files are named relative to it. */
export const ROOT = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/**
 * Every "use server" file under app/, lib/ and components/, relative to the root. Each of its
 * exports is a public endpoint, so the static check and the access-control suite both start here.
 */
export function serverActionFiles(): string[] {
  return ["app", "lib", "components"]
    .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
    .filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")))
    .map((file) => path.relative(ROOT, file))
    .sort();
}
