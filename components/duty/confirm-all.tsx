"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";

/**
 * Confirms every session awaiting the expert's answer in one tap (a series planned for months is many
 * cards). The thanks are shown by the page (`?confirmed=N`): the section this button sits in is gone
 * once nothing awaits an answer.
 */
export function ConfirmAll({
  sessionIds,
  action,
}: {
  sessionIds: string[];
  action: (input: { sessionIds: string[] }) => Promise<ActionResult<{ ids: string[] }>>;
}) {
  const { t } = useT();
  const router = useRouter();
  const { run, pending, message } = useServerAction(action, {
    leavesPage: true,
    onSuccess: (data) => router.replace(`/duty?confirmed=${data.ids.length}`, { scroll: false }),
  });
  return (
    <div className="space-y-2">
      <FormAlert message={message?.text} tone={message?.tone} />
      <Button type="button" disabled={pending} onClick={() => void run({ sessionIds })} className="w-full sm:w-auto">
        {pending ? t("rota.duty.working") : t("rota.duty.confirmAll", { n: sessionIds.length })}
      </Button>
    </div>
  );
}
