"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import type { FormMessage } from "@/components/ui/use-action-form";
import { useT } from "@/lib/i18n/client";
import { sendInvitationAction } from "../actions";

/** E-mails the expert a new link to set their password, after a confirmation naming the address. */
export function InviteButton({ expertId, name, email }: { expertId: string; name: string; email: string }) {
  const { t } = useT();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [pending, setPending] = useState(false);

  async function send() {
    if (!window.confirm(t("auth.invite.confirm", { name, email }))) return;
    setPending(true);
    setMessage(null);
    const result = await sendInvitationAction({ expertId });
    setPending(false);
    setMessage(result.ok ? { text: t("auth.invite.sent", { email: result.data.email }), tone: "success" } : { text: result.message, tone: "error" });
    if (result.ok) router.refresh();
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("auth.invite.hint")}</p>
      <Button type="button" variant="secondary" disabled={pending} onClick={send} className="w-full">
        {pending ? t("auth.invite.sending") : t("auth.invite.send")}
      </Button>
      <FormAlert message={message?.text} tone={message?.tone} />
    </div>
  );
}
