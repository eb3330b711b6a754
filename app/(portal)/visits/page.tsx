import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { VisitStatusBadge } from "@/components/visits/visit-status-badge";
import { LinkButton } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { allows, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { companyVisitStatuses } from "@/lib/enums";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { listVisits, type VisitListItem } from "@/lib/visits/queries";
import { visitListQuery } from "@/lib/visits/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("visits.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Audience = "expert" | "enterprise" | "admin";

/** Whose list this is, for its wording: an expert's own, a company's, or an admin's district. */
const audienceOf = (actor: Actor): Audience => (actor.expertId ? "expert" : actor.enterpriseId ? "enterprise" : "admin");

/**
 * Visits to companies (巡诊): an expert's own, a company's (to confirm or decline), an admin's
 * district's; the open ones first. Planners get the way to plan one.
 */
export default async function VisitsPage({ searchParams }: Props) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!allows(actor, "visit.read")) notFound();
  const parsed = visitListQuery.safeParse({
    page: typeof raw.page === "string" ? raw.page : undefined,
    status: typeof raw.status === "string" && raw.status ? raw.status : undefined,
  });
  const query = parsed.success ? parsed.data : { page: 1, pageSize: 20 };
  const list = await listVisits(actor, query);
  const audience = audienceOf(actor);
  const planAction = allows(actor, "visit.plan") ? <LinkButton href="/visits/new">{t("visits.plan")}</LinkButton> : undefined;
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t(`visits.subtitle.${audience}`)}>{t("visits.title")}</PageTitle>
      <nav aria-label={t("visits.filters.label")} className="flex flex-wrap gap-2">
        {[undefined, ...companyVisitStatuses].map((status) => {
          const active = query.status === status;
          return (
            <Link
              key={status ?? "all"}
              href={status ? `/visits?status=${status}` : "/visits"}
              aria-current={active ? "page" : undefined}
              className={`rounded-full border px-3 py-1 text-sm ${active ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
            >
              {status ? t(`visits.statuses.${status}`) : t("visits.filters.all")}
            </Link>
          );
        })}
      </nav>
      <Card title={`${t("visits.title")} (${list.total})`} action={planAction}>
        {list.items.length ? (
          <>
            <ul className="divide-y divide-slate-200">
              {list.items.map((visit) => (
                <VisitRow key={visit.id} visit={visit} audience={audience} t={t} locale={locale} />
              ))}
            </ul>
            <Pagination list={list} basePath="/visits" query={{ status: query.status }} t={t} />
          </>
        ) : (
          <EmptyState action={query.status ? undefined : planAction}>
            {query.status ? t("visits.empty.filtered") : t(`visits.empty.${audience}`)}
          </EmptyState>
        )}
      </Card>
    </div>
  );
}

/** One visit: its day, the other party, the purpose, its status; a company is asked to answer a proposed one. */
function VisitRow({ visit, audience, t, locale }: { visit: VisitListItem; audience: Audience; t: Translate; locale: Locale }) {
  const other = audience === "enterprise" ? visit.expertName : visit.enterpriseName;
  const waitsForYou = audience === "enterprise" && visit.status === "proposed" && visit.visitOn >= todayInShanghai();
  return (
    <li className="py-3">
      <Link href={`/visits/${visit.id}`} className="-mx-2 block rounded-md px-2 py-1 hover:bg-slate-50">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span className="font-medium whitespace-nowrap text-slate-900 tabular-nums">{formatDate(visit.visitOn, locale)}</span>
          <span className="min-w-0 font-medium break-words text-brand-700">{other}</span>
          <VisitStatusBadge status={visit.status} t={t} />
          {waitsForYou ? <Badge tone="warning">{t("visits.list.awaitingYou")}</Badge> : null}
        </div>
        <p className="mt-1 line-clamp-2 text-sm text-slate-700">{visit.purpose}</p>
        {audience === "admin" ? <p className="mt-0.5 text-xs text-slate-500">{t("visits.list.byExpert", { name: visit.expertName })}</p> : null}
        {visit.status === "done" ? (
          <p className="mt-1 flex flex-wrap gap-2 text-xs text-slate-600">
            <span>{t("visits.list.findings", { count: visit.findings })}</span>
            {visit.needsWork > 0 ? <Badge tone="warning">{t("visits.list.needsWork", { count: visit.needsWork })}</Badge> : null}
          </p>
        ) : null}
      </Link>
    </li>
  );
}
