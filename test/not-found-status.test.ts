import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * notFound() answers HTTP 404 only while nothing of the page has been sent. A loading.tsx wraps
 * every page below it in a Suspense boundary, so the shell streams first with 200 and a later
 * notFound() can only render the message: a "not found" page with status 200. So no page that
 * can be not found sits below a loading.tsx (checked with curl too: /experts/<unknown id> -> 404).
 */
const APP = path.resolve(__dirname, "..", "app");

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pages(full);
    return name === "page.tsx" ? [full] : [];
  });
}

function loadingAbove(page: string): string | null {
  for (let dir = path.dirname(page); dir.startsWith(APP); dir = path.dirname(dir)) {
    const loading = path.join(dir, "loading.tsx");
    if (existsSync(loading)) return path.relative(APP, loading);
  }
  return null;
}

describe("pages that can be not found", () => {
  const notFoundPages = pages(APP).filter((file) => /\bnotFound\(\)/.test(readFileSync(file, "utf8")));

  it("are found", () => {
    expect(notFoundPages.length).toBeGreaterThan(0);
  });

  it.each(notFoundPages.map((file) => [path.relative(APP, file)]))("%s is not streamed behind a loading.tsx", (file) => {
    expect(loadingAbove(path.join(APP, file))).toBeNull();
  });
});
