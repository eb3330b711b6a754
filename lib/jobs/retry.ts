/** The wait before attempt `attempt + 1`: 1 s, 2 s, 4 s … at most `maxMs`. */
export function backoffMs(attempt: number, maxMs = 60_000): number {
  return Math.min(maxMs, 1000 * 2 ** Math.max(0, attempt - 1));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Runs `task` once and answers whether it succeeded. After a failure it keeps retrying in the
 * background with growing waits until it succeeds (`done` settles then), reporting each failure;
 * a failure is never kept as the answer for the life of the process.
 */
export async function tryNowThenRetry(
  task: () => Promise<void>,
  options: { onFailure: (error: unknown, attempt: number, retryInMs: number) => void; wait?: (ms: number) => Promise<void> },
): Promise<{ ok: boolean; done: Promise<void> }> {
  const wait = options.wait ?? sleep;
  const attempt = async (n: number): Promise<boolean> => {
    try {
      await task();
      return true;
    } catch (error) {
      options.onFailure(error, n, backoffMs(n));
      return false;
    }
  };
  if (await attempt(1)) return { ok: true, done: Promise.resolve() };
  const done = (async () => {
    for (let n = 2; ; n++) {
      await wait(backoffMs(n - 1));
      if (await attempt(n)) return;
    }
  })();
  return { ok: false, done };
}
