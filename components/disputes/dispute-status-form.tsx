"use client";

import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { disputeStatuses, recoveryMethods, type DisputeStatus } from "@/lib/enums";
import { disputeStatusesFrom } from "@/lib/disputes/status-flow";
import { useT } from "@/lib/i18n/client";
import { useDisputeActions } from "./actions-context";

/** The statuses a dispute in `from` may move to. */
export const nextStatuses = (from: DisputeStatus) => disputeStatuses.filter((to) => disputeStatusesFrom(to).includes(from));

/** Changes one dispute's status and, when closing it, how it was resolved. */
export function DisputeStatusForm({ disputeId, status }: { disputeId: string; status: DisputeStatus }) {
  const { t } = useT();
  const { submitWith, pending, message, fields } = useServerAction(useDisputeActions().updateDispute);
  const options = nextStatuses(status);
  if (!options.length) return null;
  return (
    <form
      noValidate
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      onSubmit={submitWith((form) => {
        form.set("disputeId", disputeId);
        return form;
      })}
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      <Field id={`status-${disputeId}`} label={t("disputes.status.to")} error={fields.status}>
        {(aria) => (
          <select {...aria} name="status" className={inputClass} defaultValue={options[0]}>
            {options.map((s) => (
              <option key={s} value={s}>
                {t(`enums.disputeStatus.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`method-${disputeId}`} label={t("disputes.status.method")} error={fields.resolutionMethod}>
        {(aria) => (
          <select {...aria} name="resolutionMethod" className={inputClass} defaultValue="">
            <option value="">{t("disputes.status.methodNone")}</option>
            {recoveryMethods.map((m) => (
              <option key={m} value={m}>
                {t(`enums.recoveryMethod.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("common.actions.saving") : t("disputes.status.submit")}
      </Button>
    </form>
  );
}
