import path from "node:path";
import { describe, expect, it } from "vitest";
import { importClosure, isClientModule, isServerActionModule, read, ROOT, sourceFiles } from "@/test/source-files";
import { catalogs } from "./catalog";
import { clientMessages, clientNamespaces } from "./server";

// The browser gets the active language's messages from the layout (clientMessages). These keep it so:
// a client module that imported a catalogue would ship both languages in every page's JavaScript,
// and a client key outside the handed-over namespaces would show as a raw key.

const catalogueModules = /^lib\/i18n\/(catalog\.ts|translate\.ts|server\.ts|zh-CN\/|en\/)/;
// A client module importing server actions gets references to them, not their code.
const clientModules = [...importClosure(sourceFiles().filter(isClientModule), isServerActionModule)]
  .filter((file) => !isServerActionModule(file))
  .map((file) => path.relative(ROOT, file));

describe("client code and the message catalogues", () => {
  it("finds the client modules", () => {
    expect(clientModules).toContain("lib/i18n/client.tsx");
    expect(clientModules).toContain("components/requests/wizard/request-wizard.tsx");
  });

  it("imports no catalogue, so none is bundled", () => {
    expect(clientModules.filter((file) => catalogueModules.test(file))).toEqual([]);
  });

  it("uses keys only from the namespaces the layout hands over", () => {
    const namespaces = new Set<string>(clientNamespaces);
    const used = clientModules.flatMap((file) =>
      Array.from(read(path.join(ROOT, file)).matchAll(/\bt\(\s*["'`]([a-zA-Z]+)\./g), (m) => ({ file, namespace: m[1]! })),
    );
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((u) => !namespaces.has(u.namespace))).toEqual([]);
  });
});

describe("the messages handed to the browser", () => {
  const text = (locale: "zh-CN" | "en") => JSON.stringify(clientMessages(locale));

  it("are the active language's only", () => {
    expect(text("en")).not.toMatch(/[\u4e00-\u9fff]/);
    expect(text("en")).toContain("Chief Legal Counsel");
    expect(text("zh-CN")).not.toContain("Chief Legal Counsel");
  });

  it("leave out the namespaces only the server renders", () => {
    expect(Object.keys(clientMessages("zh-CN")).sort()).toEqual([...clientNamespaces].sort());
    expect(text("zh-CN")).not.toContain(JSON.stringify(catalogs["zh-CN"].notifications).slice(1, 40));
  });
});
