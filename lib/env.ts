import { z } from "zod";

const DEV_SECRET = "development-only-secret-not-for-production-use";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Set: a PostgreSQL server through postgres.js. Unset: the embedded PGlite database. */
    DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    /** Where the embedded database keeps its files. */
    PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
    NEXTAUTH_SECRET: optionalText,
    NEXTAUTH_URL: optionalText.pipe(z.url().optional()),
    SMTP_HOST: optionalText,
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_SECURE: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    SMTP_USER: optionalText,
    SMTP_PASSWORD: optionalText,
    MAIL_FROM: z.string().trim().default("首席法律咨询专家库 <no-reply@roster.example>"),
    /** "false" keeps the embedded database empty on first start; unset seeds it. */
    SEED_DEMO: z.enum(["true", "false"]).optional(),
    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For (0: clients connect
     * directly, so only the socket's address counts; see lib/auth/client-address.ts).
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** How much the server logs (lib/log.ts): info unless set; warn under test, where every request would log a line. */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    NEXT_PHASE: optionalText,
  })
  .transform((env, ctx) => {
    if (!env.NEXTAUTH_SECRET && env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build") {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "NEXTAUTH_SECRET is required in production" });
      return z.NEVER;
    }
    return {
      ...env,
      NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? DEV_SECRET,
      // Commands that sign something the server must accept (a set-password link) refuse the fallback.
      usesDevelopmentSecret: !env.NEXTAUTH_SECRET,
      SEED_DEMO: env.SEED_DEMO !== "false",
      LOG_LEVEL: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "warn" : "info"),
      /** SEED_DEMO=true was set, not merely defaulted: production then names the demo accounts. */
      SEED_DEMO_EXPLICIT: env.SEED_DEMO === "true",
    };
  });

export type Env = z.infer<typeof envSchema>;

/** Parses an environment record; throws with every problem listed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The parsed environment of this process; the application's only reader of process.env (README.md, Configuration, names the rest). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The public address of the site, for links in mails (NEXTAUTH_URL; the local dev server without it). */
export function siteUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
