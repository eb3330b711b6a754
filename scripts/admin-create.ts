// npm run admin:create -- --email … --name … [--password-stdin]
// Creates an unscoped admin on the configured database and prints a one-time set-password link.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { ZodError } from "zod";
import { database, rowsOf } from "@/db";
import { prepareDatabase } from "@/db/prepare";
import { createAdminAccount } from "@/lib/accounts/create-admin-account";
import { env, siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hasMessage, translator } from "@/lib/i18n/translate";

const USAGE = "usage: npm run admin:create -- --email <e-mail> --name <name> [--password-stdin]";

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function hasSchema(): Promise<boolean> {
  const rows = rowsOf<{ found: string | null }>(await database().db.execute(sql`select to_regclass('public.users')::text as found`));
  return Boolean(rows[0]?.found);
}

function explain(error: unknown): string {
  const t = translator("en");
  if (error instanceof ZodError) {
    return error.issues.map((i) => `${i.path.join(".")}: ${hasMessage("en", i.message) ? t(i.message) : i.message}`).join("\n");
  }
  if (error instanceof AppError && error.options.fields?.email) return `email: ${t(error.options.fields.email)}`;
  throw error;
}

let options: { email?: string; name?: string; "password-stdin"?: boolean };
try {
  options = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean" } } }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
if (!options.email || !options.name) fail(USAGE, 2);
const settings = env();
const byLink = !options["password-stdin"];
if (byLink && settings.DATABASE_URL && settings.usesDevelopmentSecret) {
  fail("Set NEXTAUTH_SECRET to the server's value: the set-password link is signed with it (or use --password-stdin).", 2);
}
const password = byLink ? undefined : await readStdin();

// The embedded database is brought up to date here (no demo world: this is a real install); a
// server database is migrated by `npm run db:migrate`.
if (!settings.DATABASE_URL) await prepareDatabase(database(), { seedDemo: false });
else if (!(await hasSchema())) fail("The database has no tables yet: run `npm run db:migrate` first.");

try {
  const { token } = await createAdminAccount({ email: options.email, name: options.name, password });
  console.log(`Admin ${options.email.trim().toLowerCase()} created (whole roster).`);
  if (token) console.log(`Set the password within 7 days, once, at:\n${siteUrl()}/set-password?token=${token}`);
} catch (error) {
  process.exitCode = 1;
  console.error(explain(error));
} finally {
  await database().close();
}
