import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { RequestDetail } from "@/lib/requests/queries";

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd data-testid={testId} className="text-sm break-words text-slate-900">
        {children}
      </dd>
    </div>
  );
}

/**
 * The referring body of a referral and the party concerned (with a person's masked ID number), as
 * the query hands them to the district's admins and the assigned expert (to anyone else both are
 * null and nothing shows). `letter`: the viewer may open the reply letter.
 */
export function ReferralCard({ request: r, t, locale, letter }: { request: RequestDetail; t: Translate; locale: Locale; letter: boolean }) {
  const by = r.referredBy;
  if (!by && !r.partyIdNumberMasked) return null;
  return (
    <Card id="referral" title={t("referrals.detail.title")} className="order-2">
      <dl className="grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-2 lg:grid-cols-1">
        {by ? (
          <>
            <Fact label={t("referrals.detail.body")} testId="referral-body">
              {by.body}
            </Fact>
            <Fact label={t("referrals.detail.kind")}>{t(`referrals.bodyKind.${by.kind}`)}</Fact>
            <Fact label={t("referrals.detail.contact")}>
              {by.contactName} ·{" "}
              <a href={`tel:${by.contactPhone}`} className="text-brand-700 hover:underline">
                {by.contactPhone}
              </a>
            </Fact>
            {by.reference ? <Fact label={t("referrals.detail.reference")}>{by.reference}</Fact> : null}
          </>
        ) : null}
        <Fact label={t("referrals.detail.party")}>
          {r.enterpriseName}（{t(`referrals.partyKind.${r.partyKind}`)}）
        </Fact>
        {r.partyIdNumberMasked ? (
          <Fact label={t("referrals.detail.idNumber")} testId="party-id-number">
            <span className="font-mono">{r.partyIdNumberMasked}</span>
          </Fact>
        ) : null}
      </dl>
      {by && letter ? (
        <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <Link href={`/requests/${r.id}/reply-letter`} className="font-medium text-brand-700 hover:underline">
            {t("referrals.detail.replyLetter")}
          </Link>
          {by.replyIssuedAt ? (
            <span className="text-slate-600">{t("referrals.detail.replyIssued", { date: formatDateTime(by.replyIssuedAt, locale) })}</span>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
