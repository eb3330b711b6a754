import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { listPanelCases, listPanelInvitations } from "@/lib/panels/queries";

/** On the expert's home: their open panel invitations (answered on the case page) and the cases they consult on (会诊). */
export async function PanelHome({ actor, t, locale }: { actor: Actor; t: Translate; locale: Locale }) {
  const [invitations, cases] = await Promise.all([listPanelInvitations(actor), listPanelCases(actor)]);
  if (!invitations.length && !cases.length) return null;
  const list = (items: typeof cases, testId: string) => (
    <ul className="divide-y divide-slate-100" data-testid={testId}>
      {items.map((item) => (
        <li key={item.memberId} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <div className="min-w-0">
            <Link href={`/requests/${item.requestId}`} className="font-medium text-brand-700 hover:underline">
              {item.title}
            </Link>
            <p className="text-xs text-slate-500">
              <span className="font-mono">{item.caseNumber}</span> · {t("panels.home.invitedBy", { name: item.invitedByName })} ·{" "}
              {formatDateTime(item.invitedAt, locale)}
            </p>
          </div>
          <Link href={`/requests/${item.requestId}#panel`} className="text-sm text-brand-700 hover:underline">
            {t("panels.home.open")}
          </Link>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      {invitations.length ? (
        <Card title={`${t("panels.home.invitations")} (${invitations.length})`}>{list(invitations, "panel-invitations")}</Card>
      ) : null}
      {cases.length ? <Card title={`${t("panels.home.cases")} (${cases.length})`}>{list(cases, "panel-cases")}</Card> : null}
    </>
  );
}
