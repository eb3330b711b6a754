/**
 * An offline optimum for matching: the assignment of rows (requests) to columns (experts, each with
 * a capacity) that maximises the total weight, where a row may also stay unassigned (weight 0) and
 * a null weight forbids a pair. Solved exactly as a min-cost flow by successive shortest paths
 * (Dijkstra with potentials). Weights are integers, so the optimum is exact.
 *
 *   source -> row (cap 1, cost 0) -> column (cap 1, cost W - w) -> sink (cap = capacity, cost 0)
 *   row -> sink directly (cap 1, cost W): "unassigned"
 *
 * With W the largest weight every cost is non-negative, and each row sends exactly one unit, so
 * minimising cost maximises the total weight.
 */
export interface AssignmentResult {
  /** The column of each row, or -1 when the row stays unassigned. */
  assignment: number[];
  total: number;
}

interface Edge {
  to: number;
  cap: number;
  cost: number;
  rev: number;
}

class MinHeap {
  private items: [number, number][] = [];
  get size() {
    return this.items.length;
  }
  push(key: number, value: number) {
    const a = this.items;
    a.push([key, value]);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p]![0] <= a[i]![0]) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): [number, number] {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]![0] < a[m]![0]) m = l;
        if (r < a.length && a[r]![0] < a[m]![0]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

export function maxWeightAssignment(weights: (number | null)[][], capacity: number[]): AssignmentResult {
  const rows = weights.length;
  const cols = capacity.length;
  let top = 0;
  for (const row of weights) for (const w of row) if (w !== null) top = Math.max(top, w);
  const source = rows + cols;
  const sink = source + 1;
  const graph: Edge[][] = Array.from({ length: sink + 1 }, () => []);
  const add = (from: number, to: number, cap: number, cost: number) => {
    graph[from]!.push({ to, cap, cost, rev: graph[to]!.length });
    graph[to]!.push({ to: from, cap: 0, cost: -cost, rev: graph[from]!.length - 1 });
  };
  for (let i = 0; i < rows; i++) {
    add(source, i, 1, 0);
    add(i, sink, 1, top);
    const row = weights[i]!;
    for (let j = 0; j < cols; j++) {
      const w = row[j];
      if (w !== null && w !== undefined && capacity[j]! > 0) add(i, rows + j, 1, top - w);
    }
  }
  for (let j = 0; j < cols; j++) if (capacity[j]! > 0) add(rows + j, sink, capacity[j]!, 0);

  const n = graph.length;
  const potential = new Array<number>(n).fill(0);
  const dist = new Array<number>(n);
  const prevNode = new Array<number>(n);
  const prevEdge = new Array<number>(n);
  for (let flow = 0; flow < rows; flow++) {
    dist.fill(Infinity);
    dist[source] = 0;
    const heap = new MinHeap();
    heap.push(0, source);
    while (heap.size) {
      const [d, u] = heap.pop();
      if (d > dist[u]!) continue;
      graph[u]!.forEach((e, k) => {
        if (e.cap <= 0) return;
        const nd = d + e.cost + potential[u]! - potential[e.to]!;
        if (nd < dist[e.to]!) {
          dist[e.to] = nd;
          prevNode[e.to] = u;
          prevEdge[e.to] = k;
          heap.push(nd, e.to);
        }
      });
    }
    if (dist[sink] === Infinity) break;
    for (let v = 0; v < n; v++) if (dist[v]! < Infinity) potential[v]! += dist[v]!;
    for (let v = sink; v !== source; v = prevNode[v]!) {
      const e = graph[prevNode[v]!]![prevEdge[v]!]!;
      e.cap -= 1;
      graph[v]![e.rev]!.cap += 1;
    }
  }

  const assignment = new Array<number>(rows).fill(-1);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    for (const e of graph[i]!) {
      if (e.to >= rows && e.to < rows + cols && e.cap === 0 && graph[e.to]![e.rev]!.cap === 1) {
        assignment[i] = e.to - rows;
        total += weights[i]![e.to - rows]!;
      }
    }
  }
  return { assignment, total };
}
