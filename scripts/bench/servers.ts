/** The two servers under load: the production build (`next start`) and the bare server, each a child process stopped by its pid. */
import { spawn, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import path from "node:path";

export interface RunningServer {
  name: string;
  origin: string;
  stop(): Promise<void>;
}

async function waitUntilAnswering(origin: string, probe: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server at ${origin} exited with ${child.exitCode} (see ${log})`);
    try {
      const response = await fetch(origin + probe);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server at ${origin} did not answer within 90 s (see ${log})`);
}

/** SIGTERM, and the child's exit (SIGKILL after ten seconds). */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Starts a child with its output in a log file; resolves once `probe` answers below 500. */
async function startServer(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  probe: string,
  logDir: string,
): Promise<RunningServer> {
  const log = path.join(logDir, `${name}.log`);
  const out = openSync(log, "w");
  const child = spawn(command, args, { env, stdio: ["ignore", out, out] });
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  try {
    await waitUntilAnswering(origin, probe, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, origin, stop };
}

/** `next start` of the existing build on the benchmark's database. */
export function startApp(options: { databaseUrl: string; port: number; secret: string; logDir: string }): Promise<RunningServer> {
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: options.databaseUrl,
    NEXTAUTH_SECRET: options.secret,
    NEXTAUTH_URL: `http://127.0.0.1:${options.port}`,
    NEXT_MANUAL_SIG_HANDLE: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const next = path.join(process.cwd(), "node_modules", ".bin", "next");
  return startServer("app", next, ["start", "-p", String(options.port), "-H", "127.0.0.1"], env, options.port, "/api/health", options.logDir);
}

/** scripts/bench/bare-server.ts with the plans the benchmark captured. */
export function startBare(options: { plansFile: string; port: number; secret: string; databaseUrl: string; logDir: string }): Promise<RunningServer> {
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXTAUTH_SECRET: options.secret,
    DATABASE_URL: options.databaseUrl,
    LOG_LEVEL: "warn",
  };
  return startServer(
    "bare",
    process.execPath,
    ["--import", "tsx", path.join("scripts", "bench", "bare-server.ts"), options.plansFile],
    env,
    options.port,
    "/",
    options.logDir,
  );
}
