"use client";

import { inputClass } from "@/components/ui/field";
import { disputeKinds, disputeStatuses, type DisputeKind, type DisputeStatus } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";

/** "open" and "closed" group the statuses; a single status narrows further. */
export type StatusFilter = "all" | "open" | "closed" | DisputeStatus;
export interface FilterValue {
  status: StatusFilter;
  kind: DisputeKind | "all";
  q: string;
}

/** The filters above the disputes table: status, kind and a search on the counterparty. */
export function DisputeFilters({ value, onChange }: { value: FilterValue; onChange: (next: FilterValue) => void }) {
  const { t } = useT();
  return (
    <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      <legend className="sr-only">{t("disputes.filters.label")}</legend>
      <label className="space-y-1 text-sm">
        <span className="font-medium text-slate-800">{t("disputes.filters.status")}</span>
        <select className={inputClass} value={value.status} onChange={(e) => onChange({ ...value, status: e.target.value as StatusFilter })}>
          <option value="all">{t("disputes.filters.statusAll")}</option>
          <option value="open">{t("disputes.filters.statusOpen")}</option>
          <option value="closed">{t("disputes.filters.statusClosed")}</option>
          {disputeStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`enums.disputeStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium text-slate-800">{t("disputes.filters.kind")}</span>
        <select className={inputClass} value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as DisputeKind | "all" })}>
          <option value="all">{t("disputes.filters.kindAll")}</option>
          {disputeKinds.map((k) => (
            <option key={k} value={k}>
              {t(`enums.disputeKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="col-span-2 space-y-1 text-sm sm:col-span-1">
        <span className="font-medium text-slate-800">{t("disputes.filters.search")}</span>
        <input
          type="search"
          className={inputClass}
          value={value.q}
          placeholder={t("disputes.filters.searchPlaceholder")}
          onChange={(e) => onChange({ ...value, q: e.target.value })}
        />
      </label>
    </fieldset>
  );
}
