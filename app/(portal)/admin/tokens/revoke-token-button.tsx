"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/field";
import { formDataOf, useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import { revokeTokenAction } from "./actions";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const { t } = useT();
  const { run, pending, message, confirmation } = useServerAction(revokeTokenAction, {
    confirm: () => t("tokens.revokeConfirm", { name }),
  });
  return (
    <>
      <Button variant="danger" disabled={pending} onClick={() => void run(formDataOf({ id }))}>
        {t("tokens.revoke")}
      </Button>
      <FormAlert message={message?.text} tone={message?.tone} />
      <ConfirmDialog {...confirmation} variant="danger" />
    </>
  );
}
