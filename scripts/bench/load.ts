/** One load of one URL with autocannon: requests per second, p50 and p99 latency, answers by status. */
import autocannon from "autocannon";

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  errors: number;
}

export interface LoadOptions {
  origin: string;
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  /** Send exactly this many requests instead of loading for `seconds` (every answer is then in). */
  amount?: number;
}

export async function loadOnce(options: LoadOptions): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.origin + options.url,
    method: options.method,
    headers: options.headers,
    body: options.body,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
  });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]));
  // Answers over the run's own length: per-second samples say little about a run of a second or two.
  const answered = Object.values(statuses).reduce((sum, n) => sum + n, 0);
  return {
    requestsPerSecond: answered / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
  };
}
