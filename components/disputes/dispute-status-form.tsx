"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { disputeStatuses, recoveryMethods, type DisputeStatus } from "@/lib/enums";
import { disputeStatusesFrom } from "@/lib/disputes/status-flow";
import { useT } from "@/lib/i18n/client";
import { useDisputeActions } from "./actions-context";

/** The statuses a dispute in `from` may move to. */
export const nextStatuses = (from: DisputeStatus) => disputeStatuses.filter((to) => disputeStatusesFrom(to).includes(from));

/**
 * Changes one dispute's status and, when closing it, how it was resolved. No new status is chosen
 * in advance: saving without choosing one changes nothing and says so.
 */
export function DisputeStatusForm({ disputeId, status }: { disputeId: string; status: DisputeStatus }) {
  const { t } = useT();
  // unique per form: a dispute's record-money form sits next to this one
  const id = useId();
  const { submitWith, pending, message, fields } = useServerAction(useDisputeActions().updateDispute, {
    schema: () => import("@/lib/disputes/schemas").then((m) => m.updateDisputeSchema),
  });
  const options = nextStatuses(status);
  if (!options.length) return null;
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={submitWith((form) => {
        form.set("disputeId", disputeId);
        return form;
      })}
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      {/* top-aligned: a field's message below it does not push the button out of line */}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field id={`${id}-status`} label={t("disputes.status.to")} error={fields.status}>
          {(aria) => (
            <select {...aria} name="status" className={inputClass} defaultValue="">
              <option value="">{t("disputes.status.choose")}</option>
              {options.map((s) => (
                <option key={s} value={s}>
                  {t(`enums.disputeStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-method`} label={t("disputes.status.method")} error={fields.resolutionMethod}>
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
        <Button type="submit" variant="secondary" className="sm:mt-6" disabled={pending}>
          {pending ? t("common.actions.saving") : t("disputes.status.submit")}
        </Button>
      </div>
    </form>
  );
}
