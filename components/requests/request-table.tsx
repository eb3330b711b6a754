import Link from "next/link";
import { RequestStatusBadge } from "@/components/requests/status-badge";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { formatFen } from "@/lib/money";
import type { RequestListItem } from "@/lib/requests/queries";

/** Requests as a table on a desktop and as stacked cards on a phone. */
export function RequestTable({ items, t, locale, showEnterprise = false }: { items: RequestListItem[]; t: Translate; locale: Locale; showEnterprise?: boolean }) {
  return (
    <div>
      <ul className="divide-y divide-slate-200 md:hidden">
        {items.map((r) => (
          <li key={r.id} className="py-3">
            <Link href={`/requests/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {r.title}
            </Link>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <RequestStatusBadge status={r.status} t={t} />
              <span>{t(`enums.requestCategory.${r.category}`)}</span>
              <span>{formatDate(r.submittedAt, locale)}</span>
              {showEnterprise ? <span>{r.enterpriseName}</span> : null}
            </div>
          </li>
        ))}
      </ul>
      <table className="hidden w-full text-left text-sm md:table">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th className="py-2 pr-3 font-medium">{t("home.portal.columns.title")}</th>
            {showEnterprise ? <th className="py-2 pr-3 font-medium">{t("home.portal.columns.enterprise")}</th> : null}
            <th className="py-2 pr-3 font-medium">{t("home.portal.columns.category")}</th>
            <th className="py-2 pr-3 font-medium">{t("home.portal.columns.status")}</th>
            <th className="py-2 pr-3 font-medium">{t("home.portal.columns.expert")}</th>
            <th className="py-2 pr-3 text-right font-medium">{t("home.portal.columns.amount")}</th>
            <th className="py-2 font-medium">{t("home.portal.columns.submittedAt")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((r) => (
            <tr key={r.id}>
              <td className="py-2 pr-3">
                <Link href={`/requests/${r.id}`} className="text-brand-700 hover:underline">
                  {r.title}
                </Link>
              </td>
              {showEnterprise ? <td className="py-2 pr-3">{r.enterpriseName}</td> : null}
              <td className="py-2 pr-3">{t(`enums.requestCategory.${r.category}`)}</td>
              <td className="py-2 pr-3">
                <RequestStatusBadge status={r.status} t={t} />
              </td>
              <td className="py-2 pr-3">{r.expertName ?? "—"}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatFen(r.amountAtStakeFen)}</td>
              <td className="py-2 whitespace-nowrap">{formatDate(r.submittedAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
