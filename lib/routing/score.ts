import { countyOf, provinceOf } from "@/lib/regions/codes";
import { isZoneCounty } from "@/lib/regions/zone";
import type { Reason } from "./reasons";
import type { CandidateFacts, RoutingRequest } from "./types";
import { scorePartNames, type ScorePartName, type Weights } from "./parts";

const DAY_MS = 86_400_000;
/**
 * Fair rotation: an offer counts 1 when made and half as much every 14 days after; offers made
 * more than 180 days before an expert's latest are no longer counted. The routing profiles
 * compute the same heat in SQL (migration 0005); profile-rules.db.test.ts holds the two equal.
 */
export const ROTATION_HALF_LIFE_DAYS = 14;
export const ROTATION_WINDOW_DAYS = 180;
/** Track record: how many answers' worth of the neutral prior a new expert starts with. */
export const PRIOR_WEIGHT = 3;
export const PRIORS = { acceptance: 0.7, resolution: 0.8, rating: 4 } as const;

export type RegionLevel = "sameCounty" | "zone" | "sameProvince" | "delta";
const regionValues: Record<RegionLevel, number> = { sameCounty: 1, zone: 0.7, sameProvince: 0.4, delta: 0.1 };
/** The levels from closest to farthest: a level's index here is what closest-of comparisons use. */
export const regionOrder: RegionLevel[] = ["sameCounty", "zone", "sameProvince", "delta"];
export const regionValueAt = (index: number) => regionValues[regionOrder[index]!];

/** How close one region of the expert's is to the request's region. */
export function regionLevel(requestRegion: string, expertRegion: string): RegionLevel {
  const a = countyOf(requestRegion);
  const b = countyOf(expertRegion);
  if (a === b) return "sameCounty";
  if (isZoneCounty(a) && isZoneCounty(b)) return "zone";
  if (provinceOf(a) === provinceOf(b)) return "sameProvince";
  return "delta";
}

/** The closest of the expert's home region and the regions the expert serves. */
export function regionProximity(requestRegion: string, home: string, served: string[]): { value: number; level: RegionLevel } {
  let best = regionOrder.indexOf(regionLevel(requestRegion, home));
  for (let i = 0; i < served.length && best > 0; i++) best = Math.min(best, regionOrder.indexOf(regionLevel(requestRegion, served[i]!)));
  const level = regionOrder[best]!;
  return { value: regionValues[level], level };
}

/** Share of the request's specialties the expert covers (all of them when none were asked for). */
export function specialtyFit(needed: string[], has: string[]): { value: number; hits: number } {
  let hits = 0;
  for (const s of needed) if (has.includes(s)) hits++;
  return { value: specialtyValue(hits, needed.length), hits };
}

export const specialtyValue = (hits: number, needed: number) => (needed ? hits / needed : 1);

/** Room left: 1 with no cases or offers outstanding, 0 at capacity. */
export function loadFit(active: number, pending: number, capacity: number): number {
  if (capacity <= 0) return 0;
  return Math.max(0, 1 - (active + pending) / capacity);
}

/** Half for the language, half for the service mode; a preference not stated is met. */
export function languageModeFit(language: string | null, mode: string | null, languages: string[], modes: string[]) {
  const languageMet = !language || languages.includes(language);
  const modeMet = !mode || modes.includes(mode);
  return { value: languageModeValue(languageMet, modeMet), languageMet, modeMet };
}

export const languageModeValue = (languageMet: boolean, modeMet: boolean) => (Number(languageMet) + Number(modeMet)) / 2;

/**
 * Acceptance rate, resolution rate and rating, each smoothed towards a neutral prior (Bayesian:
 * the prior counts as PRIOR_WEIGHT answers), so a new expert is neither punished nor favoured.
 */
export function trackRecordFit(
  f: Pick<CandidateFacts, "offersAccepted" | "offersDeclined" | "offersExpired" | "casesResolved" | "casesReassigned" | "ratingSum" | "ratingCount">,
) {
  const answered = f.offersAccepted + f.offersDeclined + f.offersExpired;
  const acceptance = (f.offersAccepted + PRIOR_WEIGHT * PRIORS.acceptance) / (answered + PRIOR_WEIGHT);
  const resolution = (f.casesResolved + PRIOR_WEIGHT * PRIORS.resolution) / (f.casesResolved + f.casesReassigned + PRIOR_WEIGHT);
  const rating = (f.ratingSum + PRIOR_WEIGHT * PRIORS.rating) / (f.ratingCount + PRIOR_WEIGHT);
  const value = (acceptance + resolution + (rating - 1) / 4) / 3;
  return { value, acceptance, resolution, rating, isNew: answered === 0 && f.ratingCount === 0 };
}

/** Recent offers, decayed to `now`. */
export function recentOffers(heat: number, at: number | null, now: Date): number {
  if (!at || heat <= 0) return 0;
  const days = Math.max(0, (now.getTime() - at) / DAY_MS);
  return heat * 0.5 ** (days / ROTATION_HALF_LIFE_DAYS);
}

/** Fair rotation: 1 for an expert with no recent offers, less the more recent offers they had. */
export function rotationFit(recent: number): number {
  return 1 / (1 + recent);
}

export interface ScorePart {
  name: ScorePartName;
  /** 0..1 */
  value: number;
  weight: number;
  /** This part's share of the 0..100 score. */
  points: number;
}

export interface Scored {
  /** 0..100, for ordering. */
  exact: number;
  /** Rounded, for showing and storing. */
  score: number;
  parts: ScorePart[];
  reasons: Reason[];
}

/** What stays the same while one request's candidates are scored: computed once, not per candidate. */
export interface ScoringContext {
  request: RoutingRequest;
  weights: Weights;
  total: number;
  now: Date;
  /** The weights in scorePartNames order, for the sum. */
  weightList: number[];
  /** Region level index (regionOrder) per region code met so far: experts share few regions. */
  regionIndex: Map<string, number>;
}

export function scoringContext(request: RoutingRequest, weights: Weights, now: Date): ScoringContext {
  const weightList = scorePartNames.map((name) => weights[name]);
  return { request, weights, now, weightList, total: weightList.reduce((sum, w) => sum + w, 0) || 1, regionIndex: new Map() };
}

/** regionProximity's level (its index in regionOrder) for this request, remembered per region code. */
export function regionIndexOf(ctx: ScoringContext, code: string): number {
  let index = ctx.regionIndex.get(code);
  if (index === undefined) {
    index = regionOrder.indexOf(regionLevel(ctx.request.regionCode, code));
    ctx.regionIndex.set(code, index);
  }
  return index;
}

function closestRegion(ctx: ScoringContext, f: CandidateFacts): number {
  let best = regionIndexOf(ctx, f.homeRegionCode);
  for (let i = 0; i < f.servedRegions.length && best > 0; i++) best = Math.min(best, regionIndexOf(ctx, f.servedRegions[i]!));
  return best;
}

/**
 * Every part's value (0..1) for one candidate, in scorePartNames order. Ranking many candidates
 * computes the same values from columns (profile-table.ts) and adds them with combineParts.
 */
function partValues(ctx: ScoringContext, f: CandidateFacts): Parts {
  const { request } = ctx;
  return [
    specialtyFit(request.specialties, f.specialties).value,
    regionValueAt(closestRegion(ctx, f)),
    loadFit(f.activeCases, f.pendingOffers, f.capacity),
    languageModeFit(request.language, request.serviceMode, f.languages, f.serviceModes).value,
    trackRecordFit(f).value,
    rotationFit(recentOffers(f.rotationHeat, f.rotationAt, ctx.now)),
  ];
}

type Parts = [specialty: number, region: number, load: number, languageMode: number, trackRecord: number, rotation: number];

/** The 0..100 score from the parts' values: the one sum, in one order, so every path gives the same figure. */
export function combineParts(
  ctx: ScoringContext,
  specialty: number,
  region: number,
  load: number,
  languageMode: number,
  trackRecord: number,
  rotation: number,
): number {
  const w = ctx.weightList;
  let sum = w[0]! * specialty;
  sum += w[1]! * region;
  sum += w[2]! * load;
  sum += w[3]! * languageMode;
  sum += w[4]! * trackRecord;
  sum += w[5]! * rotation;
  return (sum * 100) / ctx.total;
}

/** The 0..100 score alone. */
export function scoreOf(ctx: ScoringContext, f: CandidateFacts): number {
  const [specialty, region, load, languageMode, trackRecord, rotation] = partValues(ctx, f);
  return combineParts(ctx, specialty, region, load, languageMode, trackRecord, rotation);
}

const pct = (x: number) => Math.round(x * 100);

/** A figure an expert has not earned yet: shown as "no record yet" (routing.reasons.figures.none), never as the prior's value. */
export const NO_RECORD = "none";

/**
 * The track record as it stands: only the figures the expert has earned (offers answered, cases
 * closed, ratings given), each as it is. The score smooths them towards the prior; the reason never
 * shows that, so a new expert reads "no record yet", not an acceptance rate nobody measured.
 */
export function trackReason(
  f: Pick<CandidateFacts, "offersAccepted" | "offersDeclined" | "offersExpired" | "casesResolved" | "casesReassigned" | "ratingSum" | "ratingCount">,
): Reason {
  const answered = f.offersAccepted + f.offersDeclined + f.offersExpired;
  const closed = f.casesResolved + f.casesReassigned;
  if (!answered && !closed && !f.ratingCount) return { code: "track.new" };
  return {
    code: "track.figures",
    params: {
      acceptance: answered ? `${pct(f.offersAccepted / answered)}%` : NO_RECORD,
      resolution: closed ? `${pct(f.casesResolved / closed)}%` : NO_RECORD,
      rating: f.ratingCount ? (f.ratingSum / f.ratingCount).toFixed(1) : NO_RECORD,
    },
  };
}

/** A candidate's score from its named, weighted parts, with the reasons behind each part. */
export function explainScore(ctx: ScoringContext, f: CandidateFacts): Scored {
  const { request, total } = ctx;
  const values = partValues(ctx, f);
  const parts = scorePartNames.map((name, i) => ({
    name,
    value: values[i]!,
    weight: ctx.weightList[i]!,
    points: (ctx.weightList[i]! * values[i]! * 100) / total,
  }));
  const exact = combineParts(ctx, ...values);
  const specialty = specialtyFit(request.specialties, f.specialties);
  const region = regionProximity(request.regionCode, f.homeRegionCode, f.servedRegions);
  const lm = languageModeFit(request.language, request.serviceMode, f.languages, f.serviceModes);
  const recent = recentOffers(f.rotationHeat, f.rotationAt, ctx.now);

  const reasons: Reason[] = [];
  if (request.specialties.length)
    reasons.push({
      code: request.specialtiesFromCategory ? "categorySpecialty" : "specialty",
      params: { hits: specialty.hits, needed: request.specialties.length },
    });
  reasons.push({ code: `region.${region.level}` });
  reasons.push({ code: "load", params: { active: f.activeCases, pending: f.pendingOffers, capacity: f.capacity } });
  if (request.language) reasons.push({ code: lm.languageMet ? "language.met" : "language.unmet", params: { language: request.language } });
  if (request.serviceMode) reasons.push({ code: lm.modeMet ? "mode.met" : "mode.unmet", params: { mode: request.serviceMode } });
  reasons.push(trackReason(f));
  const recentRounded = Math.round(recent * 10) / 10;
  reasons.push(recentRounded > 0 ? { code: "rotation.recent", params: { count: recentRounded } } : { code: "rotation.none" });
  return { exact, score: Math.round(exact), parts, reasons };
}

/** Score and reasons of one candidate for one request (see explainScore). */
export function scoreCandidate(request: RoutingRequest, f: CandidateFacts, weights: Weights, now: Date): Scored {
  return explainScore(scoringContext(request, weights, now), f);
}
