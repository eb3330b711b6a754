import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { driverQueueUrl, watchArraysOf, type ArrayWatch } from "@/test/driver-queues";

/** postgres.js's queue, as its connection pool and connections use it. */
interface DriverQueue<T> {
  readonly length: number;
  push(item: T): T;
  shift(): T | undefined;
  remove(item: T): T | null;
}
type QueueFactory = <T>(initial?: T[]) => DriverQueue<T>;

const { default: Queue } = (await import(driverQueueUrl.href)) as { default: QueueFactory };

class Item {
  constructor(readonly n: number) {}
}

let watch: ArrayWatch | undefined;
afterEach(() => watch?.stop());

describe("postgres.js's queue", () => {
  it("stays first in, first out in a small array through 100,000 cycles that never empty it", () => {
    const queue = Queue<Item>();
    watch = watchArraysOf((item) => item instanceof Item);
    const removed = new Set<number>();
    let pushed = 0;
    let next = 0;
    while (pushed < 5) queue.push(new Item(pushed++));
    for (let cycle = 0; cycle < 100_000; cycle++) {
      const newer = queue.push(new Item(pushed++));
      if (cycle % 7 === 0) {
        // One from the middle goes: the newest stays behind it.
        queue.push(new Item(pushed++));
        expect(queue.remove(newer)).toBe(newer);
        removed.add(newer.n);
      }
      if (cycle % 3 === 0) expect(queue.remove(new Item(-1))).toBeNull();
      while (removed.has(next)) next++;
      const out = queue.shift();
      expect(out?.n).toBe(next++);
      // The pool moves a connection out of the queue it has just been shifted from: remove() says null.
      expect(queue.remove(out!)).toBeNull();
    }
    watch.stop();
    expect(queue.length).toBe(pushed - next - [...removed].filter((n) => n >= next).length);
    expect(watch.largest()).toBeLessThanOrEqual(16);
  });

  it("answers every push, shift, remove and length as a plain array would", () => {
    type Op = { kind: "push" | "remove"; value: number } | { kind: "shift" };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant("push" as const), value: fc.nat(5) }),
      fc.record({ kind: fc.constant("push" as const), value: fc.nat(5) }),
      fc.record({ kind: fc.constant("remove" as const), value: fc.nat(5) }),
      fc.record({ kind: fc.constant("shift" as const) }),
    );
    fc.assert(
      fc.property(fc.array(fc.nat(5), { maxLength: 4 }), fc.array(op, { maxLength: 200 }), (initial, ops) => {
        const queue = Queue(initial);
        const model = [...initial];
        for (const step of ops) {
          if (step.kind === "push") {
            model.push(step.value);
            expect(queue.push(step.value)).toBe(step.value);
          }
          if (step.kind === "shift") expect(queue.shift()).toBe(model.shift());
          if (step.kind === "remove") {
            const at = model.indexOf(step.value);
            expect(queue.remove(step.value)).toBe(at === -1 ? null : model.splice(at, 1)[0]);
          }
          expect(queue.length).toBe(model.length);
        }
        expect(Array.from({ length: model.length }, () => queue.shift())).toEqual(model);
      }),
      { numRuns: 500 },
    );
  });
});
