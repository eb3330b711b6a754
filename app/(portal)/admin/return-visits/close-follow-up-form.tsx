"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";
import { closeFollowUpAction } from "./actions";

/** Closes a follow-up of a dissatisfied company, saying what was done (required). */
export function CloseFollowUpForm({ followUpId }: { followUpId: string }) {
  const { t } = useT();
  const id = `follow-up-${followUpId}-note`;
  return (
    <ActionForm
      action={closeFollowUpAction}
      schema={() => import("@/lib/return-visits/schemas").then((m) => m.closeFollowUpSchema)}
      hidden={{ followUpId }}
      submitLabel={t("requests.returnVisits.closeFollowUp")}
      success={t("requests.returnVisits.followUpClosedDone")}
    >
      {(fields) => (
        <Field id={id} label={t("requests.returnVisits.closingNote")} error={fields.note}>
          {(aria) => <textarea {...aria} name="note" rows={2} className={`${inputClass} min-h-16`} />}
        </Field>
      )}
    </ActionForm>
  );
}
