import { describe, expect, it } from "vitest";
import { seededRandom } from "@/db/seed/random";
import { maxWeightAssignment } from "./assignment";

/** Every way to give each row a column (within capacities) or none: the best total. */
function bruteForce(weights: (number | null)[][], capacity: number[]): number {
  const left = [...capacity];
  const go = (i: number): number => {
    if (i === weights.length) return 0;
    let best = go(i + 1);
    weights[i]!.forEach((w, j) => {
      if (w === null || left[j]! <= 0) return;
      left[j]! -= 1;
      best = Math.max(best, w + go(i + 1));
      left[j]! += 1;
    });
    return best;
  };
  return go(0);
}

function check(weights: (number | null)[][], capacity: number[]) {
  const result = maxWeightAssignment(weights, capacity);
  // the assignment is feasible and adds up to the reported total
  const used = capacity.map(() => 0);
  let total = 0;
  result.assignment.forEach((j, i) => {
    if (j < 0) return;
    expect(weights[i]![j]).not.toBeNull();
    used[j]! += 1;
    total += weights[i]![j]!;
  });
  used.forEach((u, j) => expect(u).toBeLessThanOrEqual(capacity[j]!));
  expect(total).toBe(result.total);
  return result;
}

describe("the offline assignment solver", () => {
  it("solves the textbook case", () => {
    const result = check(
      [
        [9, 2, 7],
        [6, 4, 3],
        [5, 8, 1],
      ],
      [1, 1, 1],
    );
    expect(result.total).toBe(7 + 6 + 8);
    expect(result.assignment).toEqual([2, 0, 1]);
  });

  it("uses capacities, leaves a row out rather than force a forbidden pair", () => {
    const result = check(
      [
        [5, null],
        [4, null],
        [3, null],
      ],
      [2, 5],
    );
    expect(result.total).toBe(9);
    expect(result.assignment.filter((j) => j === -1)).toHaveLength(1);
  });

  it("matches brute force on 300 random small instances", () => {
    const random = seededRandom(7);
    for (let k = 0; k < 300; k++) {
      const rows = random.int(1, 6);
      const cols = random.int(1, 4);
      const weights = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (random.next() < 0.25 ? null : random.int(0, 100))));
      const capacity = Array.from({ length: cols }, () => random.int(0, 3));
      expect(check(weights, capacity).total).toBe(bruteForce(weights, capacity));
    }
  });
});
