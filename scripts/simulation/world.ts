import { categorySpecialties, makeCreditCode, zoneTowns } from "@/db/seed/demo-data";
import type { Random } from "@/db/seed/random";
import type { RequestCategory, ServiceMode } from "@/lib/enums";
import { isZoneCounty, ZONE_COUNTIES } from "@/lib/regions/zone";

/**
 * A synthetic year for the routing simulator: experts across the 青吴嘉 zone and the wider Delta,
 * companies that file requests or are named as counterparties, and requests arriving over time.
 * Everything is drawn from one seeded generator, so a seed always gives the same world.
 */

const ELSEWHERE = ["330402", "330482", "330483", "310112", "310115", "310117", "310104", "320505", "320506", "320508", "330106", "330110", "340104"];
const MODES: ServiceMode[] = ["onsite", "booked", "visit", "joint", "online"];

/** How often each kind of request comes in (debt and contract disputes dominate). */
const categoryMix: [RequestCategory, number][] = [
  ["debt_collection", 25],
  ["contract_dispute", 18],
  ["labor", 10],
  ["lease_dispute", 8],
  ["consultation", 8],
  ["ecommerce", 6],
  ["restructuring", 5],
  ["major_mediation", 5],
  ["ip", 4],
  ["risk_prevention", 4],
  ["compliance_checkup", 4],
  ["petition_backlog", 3],
];

export interface SimCompany {
  index: number;
  name: string;
  creditCode: string;
  county: string;
  town: string;
}

export interface SimExpert {
  index: number;
  id: string;
  userId: string;
  name: string;
  home: string;
  served: string[];
  specialties: string[];
  languages: string[];
  modes: ServiceMode[];
  capacity: number;
  /** Companies (by index) the expert declares a conflict with. */
  conflicts: number[];
  declineRate: number;
  lapseRate: number;
  /** Median hours to answer an offer. */
  responseHours: number;
  quality: number;
}

export interface SimRequest {
  index: number;
  /** When the company files it (its arrival). */
  at: number;
  /** Working hours the admin takes to triage it (within one when urgent, a few otherwise). */
  triageHours: number;
  enterprise: number;
  counterparties: number[];
  category: RequestCategory;
  specialties: string[];
  regionCode: string;
  urgent: boolean;
  language: string | null;
  serviceMode: ServiceMode | null;
  /** Days the case takes once accepted. */
  durationDays: number;
}

export interface SimWorld {
  experts: SimExpert[];
  companies: SimCompany[];
  enterprises: number[];
  requests: SimRequest[];
}

const weighted = <T>(random: Random, items: [T, number][]): T => {
  let r = random.next() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
};

/** A deterministic v4-shaped UUID from the generator (ids decide ties, so they must be stable). */
export function seededUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const nameParts = {
  place: [
    "嘉善",
    "西塘",
    "姚庄",
    "天凝",
    "陶庄",
    "干窑",
    "大云",
    "罗星",
    "青浦",
    "朱家角",
    "练塘",
    "金泽",
    "吴江",
    "盛泽",
    "震泽",
    "黎里",
    "平望",
    "嘉兴",
    "平湖",
    "桐乡",
    "苏州",
    "杭州",
    "上海",
  ],
  core: [
    "恒达",
    "锦程",
    "华信",
    "明达",
    "瑞丰",
    "宏远",
    "鑫源",
    "永盛",
    "天成",
    "佳和",
    "金鼎",
    "联创",
    "博远",
    "新业",
    "汇通",
    "长青",
    "顺发",
    "海川",
    "嘉禾",
    "东方",
    "云澜",
    "润泽",
    "同心",
    "众诚",
  ],
  trade: [
    "纺织",
    "五金",
    "食品",
    "木业",
    "电子",
    "机械",
    "物流",
    "建材",
    "丝绸",
    "电商",
    "贸易",
    "科技",
    "包装",
    "家具",
    "印染",
    "服饰",
    "文旅",
    "农业",
  ],
};

/** How an expert or a filer might write a company's name: the same company, spelled differently. */
export function nameVariant(random: Random, name: string): string {
  switch (random.int(0, 3)) {
    case 0:
      return name.replace("有限公司", " 有限公司");
    case 1:
      return name.replace(/^(.{2})/, "（$1）");
    case 2:
      return ` ${name}　`;
    default:
      return name;
  }
}

export function generateWorld(random: Random, options: { experts: number; requests: number; days: number; start: Date }): SimWorld {
  // Companies: filers in the zone's towns, counterparties anywhere.
  const companies: SimCompany[] = [];
  const seen = new Set<string>();
  while (companies.length < Math.max(600, options.requests / 2)) {
    const name = `${random.pick(nameParts.place)}${random.pick(nameParts.core)}${random.pick(nameParts.trade)}有限公司`;
    if (seen.has(name)) continue;
    seen.add(name);
    const county =
      random.next() < 0.7
        ? weighted(random, [
            ["330421", 6],
            ["310118", 2],
            ["320509", 2],
          ] as [string, number][])
        : random.pick(ELSEWHERE);
    const towns = (zoneTowns as Record<string, readonly string[]>)[county];
    companies.push({ index: companies.length, name, creditCode: makeCreditCode(random, county), county, town: towns ? random.pick(towns) : county });
  }
  const enterprises = companies.filter((c) => isZoneCounty(c.county)).map((c) => c.index);

  // Specialty demand, so the roster covers what is asked for.
  const demand = new Map<string, number>();
  for (const [category, w] of categoryMix)
    for (const s of categorySpecialties[category] ?? []) demand.set(s, (demand.get(s) ?? 0) + w / (categorySpecialties[category]?.length ?? 1));
  const specialtyWeights = [...demand.entries()] as [string, number][];

  const experts: SimExpert[] = [];
  for (let i = 0; i < options.experts; i++) {
    const zone = random.next() < 0.65;
    const home = zone
      ? weighted(random, [
          ["330421", 5],
          ["310118", 2.5],
          ["320509", 2.5],
        ] as [string, number][])
      : random.pick(ELSEWHERE);
    const served = zone
      ? [home, ...(random.next() < 0.35 ? [random.pick(ZONE_COUNTIES.filter((z) => z !== home))] : [])]
      : random.sample(ZONE_COUNTIES, random.int(1, 2));
    const specialties = new Set<string>();
    const wanted = weighted(random, [
      [1, 3],
      [2, 5],
      [3, 2],
    ] as [number, number][]);
    while (specialties.size < wanted) specialties.add(weighted(random, specialtyWeights));
    const languages = ["zh"];
    if ((home === "330421" || home === "320509") && random.next() < 0.6) languages.push("wu");
    if ((home === "310118" || home.startsWith("31")) && random.next() < 0.5) languages.push("sh");
    if (random.next() < 0.1) languages.push("en");
    const conflicts = random.sample(
      companies.map((c) => c.index),
      random.int(0, 4),
    );
    experts.push({
      index: i,
      id: seededUuid(random),
      userId: seededUuid(random),
      name: `模拟专家${String(i + 1).padStart(3, "0")}`,
      home,
      served,
      specialties: [...specialties],
      languages,
      modes: random.sample(MODES, random.int(2, 4)),
      capacity: random.int(3, 8),
      conflicts,
      declineRate: 0.05 + random.next() * 0.2,
      lapseRate: 0.02 + random.next() * 0.08,
      responseHours: 2 + random.next() * 16,
      quality: random.next(),
    });
  }

  // Requests arrive as a Poisson process over the year.
  const requests: SimRequest[] = [];
  let at = options.start.getTime();
  const meanGap = (options.days * 86_400_000) / options.requests;
  for (let i = 0; i < options.requests; i++) {
    at += -Math.log(1 - random.next()) * meanGap;
    const enterprise = random.pick(enterprises);
    const company = companies[enterprise]!;
    const category = weighted(random, categoryMix);
    const counterparties = random.sample(
      companies.filter((c) => c.index !== enterprise).map((c) => c.index),
      random.int(1, 3),
    );
    const language =
      (company.county === "330421" || company.county === "320509") && random.next() < 0.2
        ? "wu"
        : company.county === "310118" && random.next() < 0.1
          ? "sh"
          : null;
    requests.push({
      index: i,
      at,
      enterprise,
      counterparties,
      category,
      specialties: categorySpecialties[category] ?? ["contract"],
      regionCode: company.town,
      urgent: random.next() < 0.12,
      triageHours: 0,
      language,
      serviceMode: random.next() < 0.4 ? random.pick(MODES) : null,
      durationDays: Math.min(150, Math.max(7, Math.exp(Math.log(30) + 0.6 * gaussian(random)))),
    });
  }
  // Triage on the office's working time: urgent ones within the working hour, the rest within a few.
  // Drawn after everything else, so the roster and the requests are those of earlier runs.
  for (const r of requests) r.triageHours = r.urgent ? 0.25 + 0.75 * random.next() : 0.5 + 4.5 * random.next();
  return { experts, companies, enterprises, requests };
}

export function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}
