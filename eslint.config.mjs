import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// The layers: app/ -> lib/ -> db/. Components are handed what they need (data, server actions) by
// app/; they never reach into a route folder, and nothing above lib/ touches the database layer.
const fromApp = { group: ["@/app", "@/app/**"], message: "Only app/ imports from app/: pass server actions down as props." };
const fromDb = {
  group: ["@/db", "@/db/**", "drizzle-orm", "drizzle-orm/**"],
  message: "Go through a lib/ function; value lists of statuses and codes are in @/lib/enums.",
};
const fromUi = { group: ["@/components", "@/components/**"], message: "lib/ and db/ do not depend on React components." };
const boundaries = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  { files: ["components/**"], rules: boundaries(fromApp, fromDb) },
  { files: ["app/**"], rules: boundaries(fromDb) },
  // The lib/ suites call route handlers the way a client would; the lib code itself never does.
  { files: ["lib/**"], ignores: ["lib/**/*.test.ts"], rules: boundaries(fromApp, fromUi) },
  { files: ["db/**"], rules: boundaries(fromApp, fromUi) },
  // Vitest's per-file database helper is named like a hook but is not a React hook.
  { files: ["**/*.test.ts", "test/**/*.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
  { ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "playwright-report/**", "test-results/**", "next-env.d.ts"] },
];

export default config;
