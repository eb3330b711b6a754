import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer rules of eslint.config.mjs, run on a line of code as if it sat in a given file. The
// type-aware rules need the file on disk, so they are off here; the boundaries do not need types.
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { "@typescript-eslint/no-floating-promises": "off", "@typescript-eslint/no-misused-promises": "off" },
  },
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = value;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import boundaries", () => {
  it("refuses a component importing a server action from a route folder", async () => {
    const messages = await restrictedImports(
      "components/disputes/x.tsx",
      'import { createDisputeAction as value } from "@/app/(portal)/disputes/actions";',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("pass server actions down as props");
  });

  it.each([
    ["components/requests/x.tsx", 'import { requestStatuses as value } from "@/db/schema/enums";'],
    ["components/requests/x.tsx", 'import { eq as value } from "drizzle-orm";'],
    ["app/(portal)/admin/reports/x.tsx", 'import { db as value } from "@/db";'],
    ["app/(portal)/admin/reports/x.tsx", 'import { regions as value } from "@/db/schema";'],
    ["lib/reports/x.ts", 'import { GET as value } from "@/app/api/v1/reports/route";'],
    ["lib/reports/x.ts", 'import { Card as value } from "@/components/ui/card";'],
    ["db/seed/x.ts", 'import { markReadAction as value } from "@/app/(portal)/inbox/actions";'],
  ])("refuses %s: %s", async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it.each([
    ["components/requests/x.tsx", 'import { requestStatuses as value } from "@/lib/enums";'],
    ["app/(portal)/requests/x.tsx", 'import { getRequestDetail as value } from "@/lib/requests/queries";'],
    ["lib/requests/x.ts", 'import { db as value } from "@/db";'],
    ["lib/reports/x.test.ts", 'import { GET as value } from "@/app/api/v1/reports/route";'],
  ])("allows %s: %s", async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
