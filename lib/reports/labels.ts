import { inArray } from "drizzle-orm";
import { db } from "@/db";
import { experts, regions, specialties, stations } from "@/db/schema";
import { channels, requestCategories, requestStatuses, type Channel, type RequestCategory, type RequestStatus } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/catalog";
import { formatMonth } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { FigureDimension } from "./figures";
import { requestOutcomes, type RequestOutcome } from "./outcome";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "2026-03" as "2026年3月" / "Mar 2026". */
export function monthLabel(month: string, locale: Locale): string {
  return formatMonth(month, locale);
}

/** The axis labels of a month in a chart: "3月" / "Mar", with the year under January and the first month. */
export function monthAxis(month: string, locale: Locale, isFirst: boolean): { short: string; group?: string } {
  const short = formatMonth(month, locale, "monthOnly");
  return { short, ...(isFirst || month.endsWith("-01") ? { group: month.slice(0, 4) } : {}) };
}

/** The names of the experts whose ids are among `keys` (other keys are left out). */
export async function expertNames(keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => UUID.test(k));
  if (!ids.length) return new Map();
  const rows = await db.select({ key: experts.id, name: experts.name }).from(experts).where(inArray(experts.id, ids));
  return new Map(rows.map((r) => [r.key, r.name]));
}

/** Names for the grouping keys of a report, in the reader's language. */
export async function labelsFor(dimension: FigureDimension, keys: string[], locale: Locale, t: Translate): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const ids = keys.filter((k) => UUID.test(k));
  const named = async (rows: { key: string; name: string }[]) => rows.forEach((r) => labels.set(r.key, r.name));
  switch (dimension) {
    case "region":
      if (keys.length) {
        const rows = await db.select({ key: regions.code, zh: regions.nameZh, en: regions.nameEn }).from(regions).where(inArray(regions.code, keys));
        await named(rows.map((r) => ({ key: r.key, name: locale === "en" ? r.en : r.zh })));
      }
      break;
    case "specialty":
      if (keys.length) {
        const rows = await db
          .select({ key: specialties.code, zh: specialties.nameZh, en: specialties.nameEn })
          .from(specialties)
          .where(inArray(specialties.code, keys));
        await named(rows.map((r) => ({ key: r.key, name: locale === "en" ? r.en : r.zh })));
      }
      break;
    case "expert":
      for (const [key, name] of await expertNames(keys)) labels.set(key, name);
      labels.set("", t("reports.labels.unassigned"));
      break;
    case "station":
      if (ids.length) await named(await db.select({ key: stations.id, name: stations.name }).from(stations).where(inArray(stations.id, ids)));
      labels.set("", t("reports.labels.noStation"));
      break;
    case "channel":
      for (const key of keys) if ((channels as readonly string[]).includes(key)) labels.set(key, t(`enums.channel.${key as Channel}`));
      break;
    case "status":
      for (const key of keys)
        if ((requestStatuses as readonly string[]).includes(key)) labels.set(key, t(`enums.requestStatus.${key as RequestStatus}`));
      break;
    case "category":
      for (const key of keys)
        if ((requestCategories as readonly string[]).includes(key)) labels.set(key, t(`enums.requestCategory.${key as RequestCategory}`));
      break;
    case "outcome":
      for (const key of keys)
        if ((requestOutcomes as readonly string[]).includes(key)) labels.set(key, t(`reportCategories.outcome.${key as RequestOutcome}`));
      break;
    case "month":
      for (const key of keys) labels.set(key, monthLabel(key, locale));
      break;
    case "all":
      labels.set("", t("reports.labels.total"));
      break;
  }
  return labels;
}
