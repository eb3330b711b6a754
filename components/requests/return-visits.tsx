import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { Actor } from "@/lib/authz";
import { getLocale } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { listReturnVisits } from "@/lib/requests/queries";

/** The law society's return visits on a closed request, newest first. */
export async function ReturnVisits({ actor, requestId, t }: { actor: Actor; requestId: string; t: Translate }) {
  const [visits, locale] = await Promise.all([listReturnVisits(actor, requestId), getLocale()]);
  return (
    <section>
      <h3 className="text-sm font-semibold text-slate-900">{t("requests.actions.visits")}</h3>
      {visits.length ? (
        <ul className="mt-2 space-y-2">
          {visits.map((v) => (
            <li key={v.id} className="rounded-md bg-slate-50 p-3 text-sm">
              <p className="text-xs text-slate-500">
                {t("requests.actions.visitBy", { name: v.visitedByName, date: formatDate(v.visitedOn, locale) })} ·{" "}
                {v.method ? t(`enums.contactMethod.${v.method}`) : t("requests.actions.methodUnknown")} ·{" "}
                <span className="text-accent-500" aria-hidden>
                  {"★".repeat(v.satisfaction)}
                </span>
                <span className="sr-only">{t("requests.actions.stars", { n: v.satisfaction })}</span>
              </p>
              {v.note ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{v.note}</p> : null}
              {v.followUpId && !v.followUpClosedAt ? (
                <p className="mt-2">
                  <Link href="/admin/return-visits#follow-ups" className="text-brand-700 underline-offset-2 hover:underline">
                    <Badge tone="warning">{t("requests.actions.followUpOpen")}</Badge>
                  </Link>
                </p>
              ) : null}
              {v.followUpId && v.followUpClosedAt ? (
                <p className="mt-2 text-slate-700">
                  <Badge tone="success">{t("requests.actions.followUpClosed", { date: formatDate(v.followUpClosedAt, locale) })}</Badge>{" "}
                  <span className="whitespace-pre-wrap">{v.followUpClosingNote}</span>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-600">{t("requests.actions.noVisits")}</p>
      )}
    </section>
  );
}
