"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";

/** Cancels a planned or confirmed session, after a confirmation that says who will be told; a reason is optional. */
export function CancelSessionForm({
  sessionId,
  question,
  action,
}: {
  sessionId: string;
  /** The confirmation, naming the expert, the date and the half-day. */
  question: string;
  action: (form: FormData) => Promise<ActionResult<unknown>>;
}) {
  const { t } = useT();
  const id = `cancel-${sessionId}-reason`;
  return (
    <details className="group open:w-full sm:open:w-72">
      <summary className="inline-flex min-h-9 cursor-pointer list-none items-center rounded-md px-2 text-sm text-red-700 hover:bg-red-50 [&::-webkit-details-marker]:hidden">
        {t("rota.cancel.open")}
      </summary>
      <div className="mt-2 rounded-md border border-red-200 bg-red-50/50 p-3">
        <ActionForm
          action={action}
          schema={() => import("@/lib/duty/schemas").then((m) => m.cancelDutySchema)}
          hidden={{ sessionId }}
          variant="danger"
          confirm={question}
          submitLabel={t("rota.cancel.submit")}
          success={t("rota.cancel.done")}
        >
          {(fields) => (
            <Field id={id} label={t("rota.cancel.reason")} hint={t("rota.cancel.reasonHint")} error={fields.reason}>
              {(aria) => <textarea {...aria} name="reason" rows={2} maxLength={500} className={inputClass} />}
            </Field>
          )}
        </ActionForm>
      </div>
    </details>
  );
}
