import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { recordReturnVisitAction } from "@/app/(portal)/requests/actions";
import { ReturnVisitForm } from "@/components/requests/case-forms";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { daysOverdue, listOpenFollowUps, listReturnVisitWorklist, type OpenFollowUp, type ReturnVisitListItem } from "@/lib/return-visits/queries";
import { getServiceLevels } from "@/lib/timeliness/service-levels";
import { pageQuery } from "@/lib/validation";
import { CloseFollowUpForm } from "./close-follow-up-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("requests.returnVisits.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The admin's return-visit worklist: the closed cases of its district due for a return visit, the
 * longest overdue first, each recorded from the list; and the open follow-ups of dissatisfied
 * companies, each closed with a note.
 */
async function ReturnVisitsPage({ searchParams }: Props) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!allows(actor, "request.returnVisit")) notFound();
  const parsed = pageQuery.safeParse({ page: typeof raw.page === "string" ? raw.page : undefined });
  const page = parsed.success ? parsed.data : { page: 1, pageSize: 20 };
  const [list, followUps, levels] = await Promise.all([
    listReturnVisitWorklist(actor, { ...page, due: true }),
    listOpenFollowUps(actor),
    getServiceLevels(),
  ]);
  const today = todayInShanghai();
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("requests.returnVisits.subtitle", { days: levels.returnVisitAfterDays })}>{t("requests.returnVisits.title")}</PageTitle>
      <Card title={t("requests.returnVisits.dueCount", { n: list.total })}>
        {list.items.length ? (
          <>
            <DueList items={list.items} today={today} t={t} locale={locale} />
            <Pagination list={list} basePath="/admin/return-visits" t={t} />
          </>
        ) : (
          <EmptyState>{t("requests.returnVisits.empty")}</EmptyState>
        )}
      </Card>
      <Card id="follow-ups" title={t("requests.returnVisits.followUpsTitle")}>
        <p className="mb-4 text-sm text-slate-600">{t("requests.returnVisits.followUpsHint")}</p>
        {followUps.length ? (
          <ul className="space-y-4">
            {followUps.map((f) => (
              <FollowUpItem key={f.id} followUp={f} t={t} locale={locale} />
            ))}
          </ul>
        ) : (
          <EmptyState>{t("requests.returnVisits.followUpsEmpty")}</EmptyState>
        )}
      </Card>
    </div>
  );
}

export default withClientMessages(["enums", "errors", "referrals", "requests"], ReturnVisitsPage);

const columns = "md:grid md:grid-cols-[9rem_minmax(0,2fr)_minmax(0,1fr)_7rem_7rem_6rem] md:gap-3";

/** The due cases: a table-like grid on a desktop, stacked and labelled on a phone; each opens its visit form. */
function DueList({ items, today, t, locale }: { items: ReturnVisitListItem[]; today: string; t: Translate; locale: Locale }) {
  return (
    <div>
      <div className={`hidden border-b border-slate-200 pb-2 text-left text-sm font-medium text-slate-600 ${columns}`} aria-hidden>
        <span>{t("requests.returnVisits.caseNumber")}</span>
        <span>{t("requests.returnVisits.company")}</span>
        <span>{t("requests.returnVisits.expert")}</span>
        <span>{t("requests.returnVisits.closedOn")}</span>
        <span>{t("requests.returnVisits.dueOn")}</span>
        <span>{t("requests.returnVisits.overdue")}</span>
      </div>
      <ul className="divide-y divide-slate-200">
        {items.map((item) => {
          const overdue = daysOverdue(item.dueOn, today);
          return (
            <li key={item.requestId} className="py-3 text-sm">
              <dl className={`grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 ${columns} md:items-center`}>
                <Cell label={t("requests.returnVisits.caseNumber")}>
                  <Link href={`/requests/${item.requestId}`} className="font-mono text-brand-700 underline-offset-2 hover:underline">
                    {item.caseNumber}
                  </Link>
                </Cell>
                <Cell label={t("requests.returnVisits.company")}>
                  <span className="break-words">{item.enterpriseName ?? "—"}</span>
                </Cell>
                <Cell label={t("requests.returnVisits.expert")}>{item.expertName ?? "—"}</Cell>
                <Cell label={t("requests.returnVisits.closedOn")}>
                  <span className="whitespace-nowrap">{formatDate(item.closedAt, locale)}</span>
                </Cell>
                <Cell label={t("requests.returnVisits.dueOn")}>
                  <span className="whitespace-nowrap">{formatDate(item.dueOn, locale)}</span>
                </Cell>
                <Cell label={t("requests.returnVisits.overdue")}>
                  {overdue > 0 ? (
                    <Badge tone={overdue > 7 ? "danger" : "warning"}>{t("requests.returnVisits.overdueDays", { n: overdue })}</Badge>
                  ) : (
                    <Badge tone="info">{t("requests.returnVisits.dueToday")}</Badge>
                  )}
                </Cell>
              </dl>
              <details className="mt-2">
                <summary
                  className="inline-flex min-h-10 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-brand-700 hover:bg-slate-100"
                  aria-label={t("requests.returnVisits.recordFor", { caseNumber: item.caseNumber })}
                >
                  {t("requests.returnVisits.record")}
                </summary>
                <div className="mt-3 max-w-xl rounded-md bg-slate-50 p-3">
                  <ReturnVisitForm action={recordReturnVisitAction} requestId={item.requestId} today={today} idPrefix={`visit-${item.requestId}-`} />
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** One value of a due case: labelled on a phone; under the header row on a desktop. */
function Cell({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-slate-500 md:sr-only">{label}</dt>
      <dd className="min-w-0 text-slate-800">{children}</dd>
    </>
  );
}

/** An open follow-up: the visit that opened it, and the form that closes it. */
function FollowUpItem({ followUp: f, t, locale }: { followUp: OpenFollowUp; t: Translate; locale: Locale }) {
  return (
    <li className="rounded-md border border-amber-200 bg-amber-50/50 p-3 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Link href={`/requests/${f.requestId}`} className="font-mono text-brand-700 underline-offset-2 hover:underline">
          {f.caseNumber}
        </Link>
        <span className="font-medium text-slate-900">{f.enterpriseName ?? "—"}</span>
        <Badge tone="warning">{t("requests.returnVisits.followUpOpened", { date: formatDate(f.openedAt, locale) })}</Badge>
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {t("requests.actions.visitBy", { name: f.visitedByName, date: formatDate(f.visitedOn, locale) })} ·{" "}
        {f.method ? t(`enums.contactMethod.${f.method}`) : t("requests.actions.methodUnknown")} ·{" "}
        <span className="text-accent-500" aria-hidden>
          {"★".repeat(f.satisfaction)}
        </span>
        <span className="sr-only">{t("requests.actions.stars", { n: f.satisfaction })}</span>
      </p>
      {f.note ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{f.note}</p> : null}
      <div className="mt-3 max-w-xl">
        <CloseFollowUpForm followUpId={f.id} />
      </div>
    </li>
  );
}
