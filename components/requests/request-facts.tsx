import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { MessageKey } from "@/lib/i18n/keys";
import { hasMessage, type Translate } from "@/lib/i18n/translate";
import { formatFen } from "@/lib/money";
import type { RequestDetail } from "@/lib/requests/queries";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** The request's particulars: who, what, where, how much, through which channel, and who handles it. */
export function RequestFacts({ request: r, t, locale }: { request: RequestDetail; t: Translate; locale: Locale }) {
  const label = (prefix: string, code: string | null) =>
    code && hasMessage(locale, `${prefix}.${code}`) ? t(`${prefix}.${code}` as MessageKey) : t("requests.detail.notSet");
  const specialtyNames = r.specialties.map((s) => (locale === "en" ? s.nameEn : s.nameZh)).join("、");
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3 lg:grid-cols-2">
      <Fact label={t("requests.detail.category")}>{t(`enums.requestCategory.${r.category}`)}</Fact>
      <Fact label={t("requests.detail.amount")}>
        <span className="tabular-nums">{formatFen(r.amountAtStakeFen)}</span>
      </Fact>
      <Fact label={t("requests.detail.submittedAt")}>{formatDateTime(r.submittedAt, locale)}</Fact>
      <Fact label={t("requests.detail.enterprise")}>{r.enterpriseName}</Fact>
      {r.enterpriseCreditCode ? (
        <Fact label={t("requests.detail.creditCode")}>
          <span className="font-mono text-xs">{r.enterpriseCreditCode}</span>
        </Fact>
      ) : null}
      {r.contactName ? (
        <Fact label={t("requests.detail.contact")}>
          {r.contactName}
          {r.contactPhone ? (
            <>
              {" · "}
              <a href={`tel:${r.contactPhone}`} className="text-brand-700 hover:underline">
                {r.contactPhone}
              </a>
            </>
          ) : null}
        </Fact>
      ) : null}
      <Fact label={t("requests.detail.region")}>{locale === "en" ? r.regionNameEn : r.regionName}</Fact>
      <Fact label={t("requests.detail.channel")}>{t(`enums.channel.${r.channel}`)}</Fact>
      {r.stationName ? <Fact label={t("requests.detail.station")}>{r.stationName}</Fact> : null}
      <Fact label={t("requests.detail.language")}>{label("enums.language", r.language)}</Fact>
      <Fact label={t("requests.detail.serviceMode")}>{label("enums.serviceMode", r.serviceMode)}</Fact>
      <Fact label={t("requests.detail.specialties")}>{specialtyNames || t("requests.detail.notSet")}</Fact>
      <Fact label={t("requests.detail.expert")}>{r.assignedExpertName ?? t("requests.detail.notSet")}</Fact>
      {r.preferredExpertName ? <Fact label={t("requests.detail.preferredExpert")}>{r.preferredExpertName}</Fact> : null}
    </dl>
  );
}
