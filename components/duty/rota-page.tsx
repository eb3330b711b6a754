import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import type { Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { addDays } from "@/lib/duty/dates";
import { listRotaForPlanner, listStationDutySessions, plannableExperts } from "@/lib/duty/queries";
import { DEFAULT_RANGE_DAYS, dutyRangeQuery } from "@/lib/duty/schemas";
import { AppError } from "@/lib/errors";
import type { ActionResult } from "@/lib/http/server-action";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { getStation } from "@/lib/stations/list-stations";
import { PlanForm, type PlanAction, type PlanDefaults } from "./plan-form";
import { RotaBoard, type BoardSession } from "./rota-board";

export interface RotaActions {
  plan: PlanAction;
  cancel: (form: FormData) => Promise<ActionResult<unknown>>;
}

interface Props {
  actor: Actor;
  stationId: string;
  /** The page's path, for the range and re-plan links. */
  basePath: string;
  query: Record<string, string | string[] | undefined>;
  back?: { href: string; label: string };
  actions: RotaActions;
  t: Translate;
  locale: Locale;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** What the planners read, or (an admin of another district) the public rota without the reasons; 404 for no station. */
async function load(actor: Actor, stationId: string, range: { from?: string; to?: string }) {
  try {
    const rota = await listRotaForPlanner(actor, stationId, range);
    return { ...rota, canPlan: true as const, closed: rota.station.closedAt !== null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "not_found") notFound();
    if (error.code !== "forbidden" || actor.role !== "admin") throw error;
    const [station, list] = await Promise.all([getStation(stationId), listStationDutySessions(stationId, range)]);
    return { station, sessions: list.items as BoardSession[], from: list.from, to: list.to, canPlan: false as const, closed: station.closed };
  }
}

/**
 * A station's rota, for its staff (/rota) and for admins (/admin/stations/[id]/rota): eight weeks
 * of sessions by week with their status, a way to move through the weeks, and for planners the
 * plan form (an expert with a current appointment, those serving the station's area first),
 * cancelling with a confirmation, and planning another expert for a declined session.
 */
export async function RotaPage({ actor, stationId, basePath, query, back, actions, t, locale }: Props) {
  const today = todayInShanghai();
  const parsed = dutyRangeQuery.safeParse({ from: one(query.from) });
  const from = parsed.success && parsed.data.from ? parsed.data.from : today;
  const rota = await load(actor, stationId, { from, to: addDays(from, DEFAULT_RANGE_DAYS) });
  const experts = rota.canPlan && !rota.closed ? await plannableExperts(actor, stationId) : [];
  const replanOf = rota.sessions.find((s) => s.id === one(query.replan) && s.status === "declined" && s.date >= today);
  const defaults: PlanDefaults | undefined = replanOf
    ? {
        date: replanOf.date,
        period: replanOf.period,
        slots: replanOf.slots,
        note: t("rota.plan.replanning", { date: replanOf.date, period: t(`rota.period.${replanOf.period}`), expert: replanOf.expertName }),
      }
    : undefined;
  const declined = rota.sessions.filter((s) => s.status === "declined" && s.date >= today).length;
  const link = (params: Record<string, string>) => `${basePath}?${new URLSearchParams(params).toString()}`;
  const rangeNav = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100";

  return (
    <div className="space-y-6">
      {back ? (
        <p>
          <Link href={back.href} className="text-sm text-brand-700 underline">
            ← {back.label}
          </Link>
        </p>
      ) : null}
      <PageTitle subtitle={t("rota.rota.subtitle")}>{t("rota.rota.titleFor", { station: rota.station.name })}</PageTitle>
      {rota.closed ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("rota.rota.closedNote")}</p>
      ) : null}
      {!rota.canPlan ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("rota.rota.otherDistrict")}</p>
      ) : null}
      {rota.canPlan && declined ? (
        <p role="status" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("rota.rota.needsAttention", { n: declined })}
        </p>
      ) : null}
      <div className={rota.canPlan && !rota.closed ? "grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]" : ""}>
        <Card title={t("rota.rota.range", { from: formatDate(rota.from, locale), to: formatDate(rota.to, locale) })}>
          <nav aria-label={t("rota.rota.sessionsLabel")} className="mb-4 flex flex-wrap gap-2">
            <Link href={link({ from: addDays(from, -DEFAULT_RANGE_DAYS) })} className={rangeNav}>
              {t("rota.rota.earlier")}
            </Link>
            {from !== today ? (
              <Link href={basePath} className={rangeNav}>
                {t("rota.rota.today")}
              </Link>
            ) : null}
            <Link href={link({ from: addDays(from, DEFAULT_RANGE_DAYS + 1) })} className={rangeNav}>
              {t("rota.rota.later")}
            </Link>
          </nav>
          <RotaBoard
            sessions={rota.sessions}
            today={today}
            t={t}
            locale={locale}
            planner={rota.canPlan ? { cancel: actions.cancel, replanHref: (id) => `${link({ from, replan: id })}#plan` } : undefined}
          />
          {rota.canPlan && !rota.closed && !rota.sessions.length ? <p className="mt-3 text-sm text-slate-500">{t("rota.rota.emptyHint")}</p> : null}
        </Card>
        {rota.canPlan && !rota.closed ? (
          <Card id="plan" title={t("rota.plan.title")} className="lg:sticky lg:top-4">
            <PlanForm key={replanOf?.id ?? "new"} stationId={stationId} experts={experts} today={today} defaults={defaults} action={actions.plan} />
          </Card>
        ) : null}
      </div>
    </div>
  );
}
