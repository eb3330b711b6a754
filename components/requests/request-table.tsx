import Link from "next/link";
import { RequestStatusBadge } from "@/components/requests/status-badge";
import { Badge } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { formatFen } from "@/lib/money";
import type { RequestListItem } from "@/lib/requests/queries";

interface Props {
  items: RequestListItem[];
  t: Translate;
  locale: Locale;
  showEnterprise?: boolean;
  /** The admin's view adds where it is and how it came in. */
  showRegion?: boolean;
  /** The triage queue shows how long each has waited instead of the expert. */
  showWaiting?: boolean;
  /** An expert's own cases need no expert column. */
  showExpert?: boolean;
  now?: number;
}

function waited(t: Translate, since: Date, now: number): string {
  const hours = Math.max(0, Math.floor((now - new Date(since).getTime()) / 3_600_000));
  return hours < 48 ? t("requests.triage.waiting", { hours }) : t("requests.triage.waitingDays", { days: Math.floor(hours / 24) });
}

/** Requests as a table on a desktop and as stacked cards on a phone. */
export function RequestTable({
  items,
  t,
  locale,
  showEnterprise = false,
  showRegion = false,
  showWaiting = false,
  showExpert = true,
  now = 0,
}: Props) {
  const region = (r: RequestListItem) => (locale === "en" ? r.regionNameEn : r.regionName);
  const flags = (r: RequestListItem) => (
    <>
      {r.urgency === "urgent" ? <Badge tone="danger">{t("enums.urgency.urgent")}</Badge> : null}
      {r.needsAttention ? <Badge tone="warning">{t("requests.admin.needsAttention")}</Badge> : null}
    </>
  );
  return (
    <div>
      <ul className="divide-y divide-slate-200 md:hidden">
        {items.map((r) => (
          <li key={r.id} className="py-3">
            <span className="block font-mono text-xs text-slate-500">
              <span className="sr-only">{t("requests.columns.caseNumber")} </span>
              {r.caseNumber}
            </span>
            <Link href={`/requests/${r.id}`} className="font-medium break-words text-brand-700 underline-offset-2 hover:underline">
              {r.title}
            </Link>
            <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
              <RequestStatusBadge status={r.status} t={t} />
              {flags(r)}
              <span>{t(`enums.requestCategory.${r.category}`)}</span>
              <span className="tabular-nums">{formatFen(r.amountAtStakeFen)}</span>
              <span>{showWaiting ? waited(t, r.submittedAt, now) : formatDate(r.submittedAt, locale)}</span>
              {showEnterprise ? <span>{r.enterpriseName}</span> : null}
              {showRegion ? <span>{region(r)}</span> : null}
            </div>
          </li>
        ))}
      </ul>
      <table className="hidden w-full text-left text-sm md:table">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th className="py-2 pr-3 font-medium">{t("requests.columns.title")}</th>
            {showEnterprise ? <th className="py-2 pr-3 font-medium">{t("requests.columns.enterprise")}</th> : null}
            <th className="py-2 pr-3 font-medium">{t("requests.columns.category")}</th>
            {showRegion ? <th className="py-2 pr-3 font-medium">{t("requests.columns.region")}</th> : null}
            <th className="py-2 pr-3 font-medium">{t("requests.columns.status")}</th>
            {showExpert && !showWaiting ? <th className="py-2 pr-3 font-medium">{t("requests.columns.expert")}</th> : null}
            <th className="py-2 pr-3 text-right font-medium">{t("requests.columns.amount")}</th>
            <th className="py-2 font-medium">{showWaiting ? t("requests.columns.waiting") : t("requests.columns.submittedAt")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((r) => (
            <tr key={r.id} className="align-top">
              <td className="py-2 pr-3">
                <Link href={`/requests/${r.id}`} className="break-words text-brand-700 hover:underline">
                  {r.title}
                </Link>
                <span className="block font-mono text-xs text-slate-500">
                  <span className="sr-only">{t("requests.columns.caseNumber")} </span>
                  {r.caseNumber}
                </span>
                <div className="mt-0.5 flex gap-1">{flags(r)}</div>
              </td>
              {showEnterprise ? <td className="py-2 pr-3">{r.enterpriseName}</td> : null}
              <td className="py-2 pr-3">{t(`enums.requestCategory.${r.category}`)}</td>
              {showRegion ? (
                <td className="py-2 pr-3">
                  {region(r)}
                  <span className="block text-xs text-slate-500">{t(`enums.channel.${r.channel}`)}</span>
                </td>
              ) : null}
              <td className="py-2 pr-3">
                <RequestStatusBadge status={r.status} t={t} />
              </td>
              {showExpert && !showWaiting ? <td className="py-2 pr-3">{r.expertName ?? "—"}</td> : null}
              <td className="py-2 pr-3 text-right tabular-nums">{formatFen(r.amountAtStakeFen)}</td>
              <td className="py-2 whitespace-nowrap">{showWaiting ? waited(t, r.submittedAt, now) : formatDate(r.submittedAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
