"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/field";
import { formDataOf, useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import { sendInvitationAction } from "../actions";

/** E-mails the expert a new link to set their password, after a confirmation naming the address. */
export function InviteButton({ expertId, name, email }: { expertId: string; name: string; email: string }) {
  const { t } = useT();
  const { run, pending, message, confirmation } = useServerAction(sendInvitationAction, {
    confirm: () => t("auth.invite.confirm", { name, email }),
    successMessage: (data) => t("auth.invite.sent", { email: data.email }),
  });

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("auth.invite.hint")}</p>
      <Button type="button" variant="secondary" disabled={pending} onClick={() => void run(formDataOf({ expertId }))} className="w-full">
        {pending ? t("auth.invite.sending") : t("auth.invite.send")}
      </Button>
      <FormAlert message={message?.text} tone={message?.tone} />
      <ConfirmDialog {...confirmation} />
    </div>
  );
}
