"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/field";
import { formDataOf, useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import { removeMemberAction } from "./actions";

/** Removes a colleague (or, for oneself, leaves the company) after a confirmation that says what follows. */
export function RemoveMemberButton({ userId, name, isSelf }: { userId: string; name: string; isSelf: boolean }) {
  const { t } = useT();
  const { run, pending, message, confirmation } = useServerAction(removeMemberAction, {
    confirm: () => (isSelf ? t("companies.members.removeSelfConfirm") : t("companies.members.removeConfirm", { name })),
    successMessage: () => t("companies.members.removed"),
  });
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button variant="danger" className="min-h-8 px-3 py-1 text-xs" disabled={pending} onClick={() => void run(formDataOf({ userId }))}>
        {isSelf ? t("companies.members.leave") : t("companies.members.remove")}
      </Button>
      <FormAlert message={message?.text} tone={message?.tone} />
      <ConfirmDialog {...confirmation} variant="danger" />
    </span>
  );
}
