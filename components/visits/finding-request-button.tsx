"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/field";
import { formDataOf, useServerAction, type FormAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";

/** Turns a finding that needs work into a request for the company, after a confirmation; says the new case number. */
export function FindingRequestButton({ action, findingId }: { action: FormAction<{ requestId: string; caseNumber: string }>; findingId: string }) {
  const { t } = useT();
  const { run, pending, message, confirmation } = useServerAction(action, {
    confirm: () => t("visits.detail.toRequestConfirm"),
    successMessage: ({ caseNumber }) => t("visits.detail.toRequestDone", { caseNumber }),
  });
  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" disabled={pending} onClick={() => void run(formDataOf({ findingId }))} className="min-h-9 px-3 py-1">
        {pending ? t("common.actions.saving") : t("visits.detail.toRequest")}
      </Button>
      <FormAlert message={message?.text} tone={message?.tone} />
      <ConfirmDialog {...confirmation} />
    </div>
  );
}
