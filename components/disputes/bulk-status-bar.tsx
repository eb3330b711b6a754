"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert, inputClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { disputeStatuses, recoveryMethods, type DisputeStatus, type RecoveryMethod } from "@/lib/enums";
import { isClosedDisputeStatus } from "@/lib/disputes/status-flow";
import { useT } from "@/lib/i18n/client";
import { useDisputeActions } from "./actions-context";

/**
 * The bulk status change for the selected disputes. Closing is final, so a closing status asks
 * for a confirmation first; disputes that cannot move are left as they are and counted.
 */
export function BulkStatusBar({ requestId, ids, onDone }: { requestId: string; ids: string[]; onDone: (message: string) => void }) {
  const { t } = useT();
  const [status, setStatus] = useState<DisputeStatus>("negotiating");
  const [method, setMethod] = useState<RecoveryMethod | "">("");
  const { run, pending, message, confirmation } = useServerAction(useDisputeActions().bulkUpdateDisputes, {
    schema: () => import("@/lib/disputes/schemas").then((m) => m.bulkUpdateDisputesSchema),
    confirm: (input) =>
      isClosedDisputeStatus(input.status)
        ? t("disputes.bulk.confirmClose", { count: input.ids.length, status: t(`enums.disputeStatus.${input.status}`) })
        : null,
    onSuccess: (data) =>
      onDone(
        data.skipped
          ? t("disputes.bulk.doneSkipped", { updated: data.updated, skipped: data.skipped })
          : t("disputes.bulk.done", { updated: data.updated }),
      ),
  });

  return (
    <div
      className="sticky bottom-0 z-10 space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3 shadow-sm"
      role="region"
      aria-label={t("disputes.bulk.changeTo")}
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
        <span className="text-sm font-medium text-brand-900">{t("disputes.bulk.selected", { count: ids.length })}</span>
        <label className="flex items-center gap-2 text-sm">
          <span className="whitespace-nowrap">{t("disputes.bulk.changeTo")}</span>
          <select className={inputClass} value={status} onChange={(e) => setStatus(e.target.value as DisputeStatus)}>
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
        <Button type="button" disabled={pending || !ids.length} onClick={() => void run({ requestId, ids, status, resolutionMethod: method })}>
          {pending ? t("disputes.bulk.applying") : t("disputes.bulk.apply")}
        </Button>
      </div>
      <ConfirmDialog {...confirmation} variant="danger" />
    </div>
  );
}
