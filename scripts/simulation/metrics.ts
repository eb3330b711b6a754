import { maxWeightAssignment } from "./assignment";
import { languageModeFit, regionProximity, specialtyFit } from "@/lib/routing/score";
import type { Weights } from "@/lib/routing/weights";
import type { SimExpert, SimRequest, SimWorld } from "./world";

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** Gini coefficient of non-negative values: 0 = all equal, 1 = one holds everything. */
export function gini(values: number[]): number {
  const n = values.length;
  const total = values.reduce((s, v) => s + v, 0);
  if (!n || !total) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const weighted = sorted.reduce((s, v, i) => s + (i + 1) * v, 0);
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

export function conflictsWith(world: SimWorld, expert: SimExpert, request: SimRequest): boolean {
  const parties = new Set([request.enterprise, ...request.counterparties]);
  return expert.conflicts.some((c) => parties.has(c));
}

/**
 * How well an expert fits a request, on the request-specific parts of the routing score
 * (specialty, region, language and mode) with the same weights: 0..1000, as an integer.
 */
export function fit(world: SimWorld, request: SimRequest, expert: SimExpert, weights: Weights): number {
  const company = world.companies[request.enterprise]!;
  const parts =
    weights.specialty * specialtyFit(request.specialties, expert.specialties).value +
    weights.region * regionProximity(company.town, expert.home, expert.served).value +
    weights.languageMode * languageModeFit(request.language, request.serviceMode, expert.languages, expert.modes).value;
  return Math.round((1000 * parts) / (weights.specialty + weights.region + weights.languageMode));
}

const eligible = (world: SimWorld, request: SimRequest, expert: SimExpert) =>
  !conflictsWith(world, expert, request) && request.specialties.some((s) => expert.specialties.includes(s));

/**
 * The offline optimum on the same data: per month of arrival, the assignment of that month's
 * requests to experts (each taking at most its capacity of new cases in the month, cases lasting
 * about a month) that maximises total fit, over the same hard filters. Also the looser bound where
 * every request simply gets its best eligible expert.
 */
export function offlineOptimum(world: SimWorld, weights: Weights) {
  const months = new Map<number, SimRequest[]>();
  for (const r of world.requests) {
    const d = new Date(r.at);
    const key = d.getUTCFullYear() * 12 + d.getUTCMonth();
    months.set(key, [...(months.get(key) ?? []), r]);
  }
  let optimum = 0;
  let unconstrained = 0;
  for (const batch of months.values()) {
    const matrix = batch.map((r) => world.experts.map((e) => (eligible(world, r, e) ? fit(world, r, e, weights) : null)));
    optimum += maxWeightAssignment(
      matrix,
      world.experts.map((e) => e.capacity),
    ).total;
    for (const row of matrix) unconstrained += Math.max(0, ...row.map((w) => w ?? 0));
  }
  return { optimum, unconstrained };
}
