"use client";

import { useState } from "react";
import { bulkUpdateDisputesAction } from "@/app/(portal)/disputes/actions";
import { Button } from "@/components/ui/button";
import { FormAlert, inputClass } from "@/components/ui/field";
import { disputeStatuses, recoveryMethods, type DisputeStatus, type RecoveryMethod } from "@/lib/enums";
import { isClosedDisputeStatus } from "@/lib/disputes/status-flow";
import { useT } from "@/lib/i18n/client";
import { useFormAction } from "./use-form-action";

/**
 * The bulk status change for the selected disputes. Closing is final, so a closing status asks
 * for a confirmation first; disputes that cannot move are left as they are and counted.
 */
export function BulkStatusBar({ requestId, ids, onDone }: { requestId: string; ids: string[]; onDone: (message: string) => void }) {
  const { t } = useT();
  const [status, setStatus] = useState<DisputeStatus>("negotiating");
  const [method, setMethod] = useState<RecoveryMethod | "">("");
  const [confirming, setConfirming] = useState(false);
  const { run, pending, error } = useFormAction(bulkUpdateDisputesAction);

  async function apply() {
    const data = await run({ requestId, ids, status, resolutionMethod: method });
    setConfirming(false);
    if (!data) return;
    onDone(
      data.skipped
        ? t("disputes.bulk.doneSkipped", { updated: data.updated, skipped: data.skipped })
        : t("disputes.bulk.done", { updated: data.updated }),
    );
  }

  return (
    <div
      className="sticky bottom-0 z-10 space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3 shadow-sm"
      role="region"
      aria-label={t("disputes.bulk.changeTo")}
    >
      <FormAlert message={error} />
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
        <span className="text-sm font-medium text-brand-900">{t("disputes.bulk.selected", { count: ids.length })}</span>
        <label className="flex items-center gap-2 text-sm">
          <span className="whitespace-nowrap">{t("disputes.bulk.changeTo")}</span>
          <select className={inputClass} value={status} onChange={(e) => (setStatus(e.target.value as DisputeStatus), setConfirming(false))}>
            {disputeStatuses
              .filter((s) => s !== "open")
              .map((s) => (
                <option key={s} value={s}>
                  {t(`enums.disputeStatus.${s}`)}
                </option>
              ))}
          </select>
        </label>
        {isClosedDisputeStatus(status) ? (
          <label className="flex items-center gap-2 text-sm">
            <span className="whitespace-nowrap">{t("disputes.bulk.method")}</span>
            <select className={inputClass} value={method} onChange={(e) => setMethod(e.target.value as RecoveryMethod | "")}>
              <option value="">{t("disputes.status.methodNone")}</option>
              {recoveryMethods.map((m) => (
                <option key={m} value={m}>
                  {t(`enums.recoveryMethod.${m}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {confirming ? null : (
          <Button type="button" disabled={pending || !ids.length} onClick={() => (isClosedDisputeStatus(status) ? setConfirming(true) : apply())}>
            {pending ? t("disputes.bulk.applying") : t("disputes.bulk.apply")}
          </Button>
        )}
      </div>
      {confirming ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p>{t("disputes.bulk.confirmClose", { count: ids.length, status: t(`enums.disputeStatus.${status}`) })}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="danger" disabled={pending} onClick={apply}>
              {pending ? t("disputes.bulk.applying") : t("common.actions.confirm")}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
              {t("common.actions.cancel")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
