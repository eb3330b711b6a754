"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { useServerAction, type FormAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";

/**
 * A button that opens a small form in place (adding a dispute, recording money received). The form
 * sends its FormData to the action; on success it clears, closes and says `doneMessage`; on a
 * failure it stays open with the message and the field messages, which `children` shows.
 */
export function OpeningForm<T>({
  action,
  openLabel,
  doneMessage,
  title,
  submitLabel,
  submittingLabel,
  compact = false,
  children,
}: {
  action: FormAction<T>;
  openLabel: string;
  doneMessage: string;
  title: ReactNode;
  submitLabel: string;
  submittingLabel: string;
  /** A smaller button and a white form: for use inside a card. */
  compact?: boolean;
  children: (fields: Record<string, string>) => ReactNode;
}) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const { submitWith, pending, message, fields } = useServerAction(action, {
    onSuccess: () => {
      setOpen(false);
      setDone(true);
    },
  });

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" className={compact ? "min-h-9 px-3 py-1.5" : undefined} onClick={() => (setOpen(true), setDone(false))}>
          {openLabel}
        </Button>
        {done ? <FormAlert tone="success" message={doneMessage} /> : null}
      </div>
    );
  }
  return (
    <form
      noValidate
      className={`space-y-3 rounded-md border border-slate-200 p-3 ${compact ? "bg-white" : "bg-slate-50"}`}
      onSubmit={submitWith((form) => form)}
    >
      {title}
      <FormAlert message={message?.text} tone={message?.tone} />
      {children(fields)}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" disabled={pending}>
          {pending ? submittingLabel : submitLabel}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
          {t("common.actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
