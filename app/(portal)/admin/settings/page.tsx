import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { allows, can } from "@/lib/authz";
import { formatDateTime } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import type { RoutingSettings } from "@/lib/routing/schemas";
import { getRoutingSettings, listRoutingSettingsHistory, scorePartNames } from "@/lib/routing/weights";
import { pageQuery } from "@/lib/validation";
import { listSpecialties } from "@/lib/reference-data/queries";
import { getCategorySpecialties, listCategorySpecialtiesHistory } from "@/lib/routing/category-specialties";
import { requestCategories, type RequestCategory, type Urgency } from "@/lib/enums";
import { todayInShanghai } from "@/lib/clock";
import { CALENDAR_KNOWN_UNTIL, missingCalendarYear } from "@/lib/timeliness/calendar";
import { serviceLevelChanges } from "@/lib/timeliness/changes";
import { getServiceLevels, listServiceLevelsHistory } from "@/lib/timeliness/service-levels";
import { CategorySpecialtiesForm } from "./category-specialties-form";
import { ChangeList } from "./change-list";
import { ServiceLevelsForm } from "./service-levels-form";
import { SettingsForm } from "./settings-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("common.nav.settings") };
}

/** The routing rules the law society sets: weights of the score and answer deadlines, with their history. */
async function RoutingSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  if (!can(actor.role, "routing.settings")) notFound();
  // The rules are the zone's, one set for all three districts: an admin of one district is told whose they are.
  if (!allows(actor, "routing.settings")) {
    return (
      <div className="space-y-6">
        <PageTitle>{t("common.nav.settings")}</PageTitle>
        <Card>
          <p role="status" className="text-sm text-slate-700">
            {t("routing.settings.zoneOnly")}
          </p>
        </Card>
      </div>
    );
  }
  const parsed = pageQuery.safeParse(await searchParams);
  const page = parsed.success ? { ...parsed.data, pageSize: 10 } : { page: 1, pageSize: 10 };
  const [serviceLevels, serviceLevelsHistory, settings, history, mapping, specialtyRows, mappingHistory] = await Promise.all([
    getServiceLevels(),
    listServiceLevelsHistory(actor, { page: 1, pageSize: 5 }),
    getRoutingSettings(),
    listRoutingSettingsHistory(actor, page),
    getCategorySpecialties(),
    listSpecialties(),
    listCategorySpecialtiesHistory(actor, { page: 1, pageSize: 5 }),
  ]);
  const specialtyName = new Map(specialtyRows.map((s) => [s.code, locale === "en" ? s.nameEn : s.nameZh]));
  const codesText = (codes: string[] | undefined) =>
    codes?.length ? codes.map((c) => specialtyName.get(c) ?? c).join(locale === "en" ? ", " : "、") : t("routing.categorySpecialties.none");

  const changedBy = (item: { actorName: string | null; at: Date }) =>
    t("routing.settings.changedBy", { name: item.actorName ?? "—", at: formatDateTime(item.at, locale) });
  const missingYear = missingCalendarYear(todayInShanghai());
  // "resolutionDays.labor" reads as "结案时限 · 劳动用工", "parallelOffers.urgent" as "同时派单 · 紧急".
  const serviceLevelLabel = (field: string) => {
    const [group, inner] = field.split(".");
    if (group === "resolutionDays") return `${t("timeliness.settings.resolutionDays")} · ${t(`enums.requestCategory.${inner as RequestCategory}`)}`;
    if (group === "parallelOffers") return `${t("timeliness.settings.parallelOffers")} · ${t(`enums.urgency.${inner as Urgency}`)}`;
    return t(`timeliness.settings.${group as "triageHours"}`);
  };

  const changes = (before: RoutingSettings | null, after: RoutingSettings | null) => {
    if (!after) return [];
    const lines: string[] = [];
    for (const name of scorePartNames) {
      if (before?.weights[name] !== after.weights[name])
        lines.push(
          t("routing.settings.changedFields", {
            field: t(`routing.parts.${name}`),
            before: before?.weights[name] ?? "—",
            after: after.weights[name],
          }),
        );
    }
    if (before?.deadlines.normalHours !== after.deadlines.normalHours)
      lines.push(
        t("routing.settings.changedFields", {
          field: t("routing.settings.normalHours"),
          before: before?.deadlines.normalHours ?? "—",
          after: after.deadlines.normalHours,
        }),
      );
    if (before?.deadlines.urgentHours !== after.deadlines.urgentHours)
      lines.push(
        t("routing.settings.changedFields", {
          field: t("routing.settings.urgentHours"),
          before: before?.deadlines.urgentHours ?? "—",
          after: after.deadlines.urgentHours,
        }),
      );
    return lines;
  };

  return (
    <div className="space-y-6">
      <PageTitle>{t("common.nav.settings")}</PageTitle>
      <Card title={t("timeliness.settings.title")}>
        <p className="mb-4 text-sm text-slate-600">{t("timeliness.settings.subtitle")}</p>
        {missingYear ? (
          <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("timeliness.settings.calendarMissing", { year: missingYear, known: CALENDAR_KNOWN_UNTIL })}
          </p>
        ) : (
          <p className="mb-4 text-xs text-slate-500">{t("timeliness.settings.calendarKnown", { known: CALENDAR_KNOWN_UNTIL })}</p>
        )}
        <ServiceLevelsForm initial={serviceLevels} />
        {serviceLevelsHistory.items.length ? (
          <ChangeList
            className="mt-6 border-t border-slate-100"
            label={t("routing.settings.history")}
            entries={serviceLevelsHistory.items.map((item) => ({
              id: item.id,
              heading: changedBy(item),
              lines: (item.after ? serviceLevelChanges(item.before, item.after) : []).map((change) =>
                t("routing.settings.changedFields", { field: serviceLevelLabel(change.field), before: change.before ?? "—", after: change.after }),
              ),
            }))}
          />
        ) : null}
      </Card>
      <Card title={t("routing.settings.title")}>
        <p className="mb-4 text-sm text-slate-600">{t("routing.settings.subtitle")}</p>
        <SettingsForm initial={settings} />
      </Card>
      <Card title={t("routing.categorySpecialties.title")}>
        <p className="mb-4 text-sm text-slate-600">{t("routing.categorySpecialties.hint")}</p>
        <CategorySpecialtiesForm
          initial={mapping}
          specialties={specialtyRows.map((s) => ({ code: s.code, name: specialtyName.get(s.code) ?? s.code }))}
        />
        {mappingHistory.items.length ? (
          <ChangeList
            className="mt-6 border-t border-slate-100"
            entries={mappingHistory.items.map((item) => ({
              id: item.id,
              heading: changedBy(item),
              lines: requestCategories
                .filter((c) => item.after[c])
                .map((c) =>
                  t("routing.settings.changedFields", {
                    field: t(`enums.requestCategory.${c}`),
                    before: codesText(item.before[c]),
                    after: codesText(item.after[c]),
                  }),
                ),
            }))}
          />
        ) : null}
      </Card>
      <Card title={t("routing.settings.history")}>
        {history.items.length ? (
          <ChangeList entries={history.items.map((item) => ({ id: item.id, heading: changedBy(item), lines: changes(item.before, item.after) }))} />
        ) : (
          <EmptyState>{t("routing.settings.noHistory")}</EmptyState>
        )}
        {history.total > history.pageSize ? <Pagination list={history} basePath="/admin/settings" t={t} /> : null}
      </Card>
    </div>
  );
}

export default withClientMessages(["enums", "errors", "routing", "timeliness"], RoutingSettingsPage);
