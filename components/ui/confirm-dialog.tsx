"use client";

import { useEffect, useId, useRef } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { Confirmation } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";

/**
 * The confirmation of a destructive or final step: a modal dialog (focus moves into it and stays
 * there, Escape cancels) that names what will happen. Open while `question` is set.
 */
export function ConfirmDialog({ question, pending, onConfirm, onCancel, variant = "primary" }: Confirmation & { variant?: ButtonVariant }) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (question && !dialog.open) dialog.showModal();
    if (!question && dialog.open) dialog.close();
  }, [question]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      {question ? (
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-base font-semibold">
            {t("common.confirmDialog.title")}
          </h2>
          <p className="text-sm text-slate-700">{question}</p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" disabled={pending} onClick={onCancel} autoFocus>
              {t("common.actions.cancel")}
            </Button>
            <Button type="button" variant={variant} disabled={pending} onClick={onConfirm}>
              {pending ? t("common.actions.saving") : t("common.actions.confirm")}
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
