import { createLogger, setLogger } from "@/lib/log";

/** What the server logs from now on, kept in memory (each line parsed) until restore(). */
export function captureLog(level = "info"): { lines: Record<string, unknown>[]; messages: () => string[]; restore: () => void } {
  const lines: Record<string, unknown>[] = [];
  setLogger(createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }));
  return { lines, messages: () => lines.map((line) => String(line.msg)), restore: () => setLogger(undefined) };
}
