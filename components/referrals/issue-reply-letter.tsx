"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { formDataOf, useServerAction, type FormAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";

/** "Mark as issued": records once that the reply letter went to the referring body (a repeat changes nothing). */
export function IssueReplyLetter({ action, requestId }: { action: FormAction; requestId: string }) {
  const { t } = useT();
  const { run, pending, message } = useServerAction(action);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button type="button" variant="secondary" disabled={pending} onClick={() => void run(formDataOf({ requestId }))}>
        {t("referrals.letter.markIssued")}
      </Button>
      <FormAlert message={message?.text} tone={message?.tone} />
    </span>
  );
}
