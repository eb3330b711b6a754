import { describe, expect, it } from "vitest";
import { backoffMs, tryNowThenRetry } from "./retry";

describe("starting with retries", () => {
  it("waits 1 s, 2 s, 4 s … between attempts, never more than a minute", () => {
    expect([1, 2, 3, 4, 7, 8, 30].map((n) => backoffMs(n))).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000, 60_000]);
  });

  it("answers at once, then keeps trying in the background until the task succeeds", async () => {
    let calls = 0;
    const waits: number[] = [];
    const failures: [number, number][] = [];
    const { ok, done } = await tryNowThenRetry(
      async () => {
        calls += 1;
        if (calls < 4) throw new Error(`down ${calls}`);
      },
      { onFailure: (_error, attempt, retryInMs) => failures.push([attempt, retryInMs]), wait: async (ms) => void waits.push(ms) },
    );
    expect(ok).toBe(false);
    await done;
    expect(calls).toBe(4);
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(failures).toEqual([
      [1, 1000],
      [2, 2000],
      [3, 4000],
    ]);
  });

  it("does nothing more when the first attempt succeeds", async () => {
    let calls = 0;
    const { ok, done } = await tryNowThenRetry(async () => void (calls += 1), { onFailure: () => {} });
    await done;
    expect({ ok, calls }).toEqual({ ok: true, calls: 1 });
  });
});
