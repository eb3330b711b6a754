import path from "node:path";
import { describe, expect, it } from "vitest";
import { importClosure, isClientModule, isServerActionModule, read, ROOT, sourceFiles } from "@/test/source-files";
import { catalogs } from "./catalog";
import { layoutMessages, layoutNamespaces, serverOnlyCommon } from "./client-messages";
import { clientMessages } from "./server";

// The browser gets the active language's messages from the server (the layout, and pages through
// withClientMessages). These keep it so: a client module that imported a catalogue would ship both
// languages in every page's JavaScript, and a key of a namespace the page does not hand over would
// show as a raw key.

const namespaces = Object.keys(catalogs["zh-CN"]);
const NAMESPACE_OF_KEY = new RegExp(`["'\`](${namespaces.join("|")})\\.[\\w.$]`, "g");

/** The modules bundled for the client components these modules render (server actions are references only). */
function clientModulesOf(entries: string[]): string[] {
  const rendered = [...importClosure(entries, isServerActionModule)].filter(isClientModule);
  return [...importClosure(rendered, isServerActionModule)].filter((file) => !isServerActionModule(file));
}

/** The namespaces of every key (or key prefix) these modules spell out. */
function namespacesUsedBy(files: string[]): string[] {
  return [...new Set(files.flatMap((file) => Array.from(read(file).matchAll(NAMESPACE_OF_KEY), (m) => m[1]!)))].sort();
}

const at = (file: string) => path.join(ROOT, file);
const layoutFiles = ["app/layout.tsx", "app/error.tsx", "app/not-found.tsx"].map(at);

describe("client code and the message catalogues", () => {
  const allClient = clientModulesOf(sourceFiles().filter(isClientModule)).map((file) => path.relative(ROOT, file));

  it("finds the client modules", () => {
    expect(allClient).toContain("lib/i18n/client.tsx");
    expect(allClient).toContain("components/requests/wizard/request-wizard.tsx");
  });

  it("imports no catalogue, so none is bundled", () => {
    expect(allClient.filter((file) => /^lib\/i18n\/(catalog\.ts|translate\.ts|server\.ts|zh-CN\/|en\/)/.test(file))).toEqual([]);
  });

  it("the layout hands over what the layout's own client components use", () => {
    expect(namespacesUsedBy(clientModulesOf(layoutFiles))).toEqual([...layoutNamespaces].sort());
  });

  it("no client module uses a group of common that the layout leaves out", () => {
    const group = new RegExp(`["'\`]common\\.(${serverOnlyCommon.join("|")})\\b`);
    expect(allClient.filter((file) => group.test(read(at(file))))).toEqual([]);
  });

  const pages = sourceFiles()
    .filter((file) => file.endsWith("/page.tsx"))
    .map((file) => path.relative(ROOT, file));

  it.each(pages)("%s hands over exactly the namespaces its client components use", (page) => {
    const declared = /withClientMessages\(\[([^\]]*)\]/.exec(read(at(page)))?.[1] ?? "";
    const handed = new Set([...layoutNamespaces, ...Array.from(declared.matchAll(/"(\w+)"/g), (m) => m[1]!)]);
    const layouts = page.startsWith("app/(portal)/") ? [at("app/(portal)/layout.tsx")] : [];
    expect([...handed].sort()).toEqual(namespacesUsedBy(clientModulesOf([at(page), ...layouts, ...layoutFiles])));
  });
});

describe("the messages handed to the browser", () => {
  const text = (locale: "zh-CN" | "en") => JSON.stringify(clientMessages(locale, ["common", "auth"]));

  it("are the active language's only", () => {
    expect(text("en")).not.toMatch(/[\u4e00-\u9fff]/);
    expect(text("en")).toContain("Chief Legal Counsel");
    expect(text("zh-CN")).not.toContain("Chief Legal Counsel");
  });

  it("leave out of the layout's the groups only the server reads", () => {
    const common = layoutMessages("zh-CN").common as Record<string, unknown>;
    expect(common.footer).toBeUndefined();
    expect(common.actions).toEqual(catalogs["zh-CN"].common.actions);
  });

  it("are the namespaces asked for only", () => {
    expect(Object.keys(clientMessages("zh-CN", ["common", "auth"])).sort()).toEqual(["auth", "common"]);
  });
});
