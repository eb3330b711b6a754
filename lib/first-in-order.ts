/**
 * The first `k` of `items` in the order of `compare` (a stable order: ties keep the items' order),
 * as `[...items].sort(compare).slice(0, k)` gives them, without sorting them all: one comparison
 * with the k-th kept for most items, so a page of a long list costs about one comparison an item.
 */
export function firstInOrder<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  if (k <= 0) return kept;
  for (const item of items) {
    if (kept.length === k && compare(item, kept[k - 1]!) >= 0) continue;
    // after the last kept item that is not after this one: ties stay in the order they came
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(kept[middle]!, item) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, item);
    if (kept.length > k) kept.pop();
  }
  return kept;
}
