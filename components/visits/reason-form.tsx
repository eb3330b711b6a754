"use client";

import { useId, useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { useServerAction, type FormAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";

interface Props {
  action: FormAction;
  /** Hidden fields sent with the reason (the visit's id). */
  hidden: Record<string, string>;
  openLabel: string;
  title: string;
  reasonLabel: string;
  submitLabel: string;
  confirm: string;
  /** The step's own button, inside the opened form (the button that opens it is always a quiet one). */
  variant?: ButtonVariant;
}

/** A step that needs a reason the other side will read (decline, cancel): opened by a button, confirmed before it is sent. */
export function ReasonForm({ action, hidden, openLabel, title, reasonLabel, submitLabel, confirm, variant = "secondary" }: Props) {
  const { t } = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const { submitWith, pending, fields, message, confirmation } = useServerAction(action, {
    schema: () => import("@/lib/visits/schemas").then((m) => m.visitReasonSchema),
    confirm: () => confirm,
    onSuccess: () => setOpen(false),
  });
  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)} className="w-full sm:w-auto">
        {openLabel}
      </Button>
    );
  }
  return (
    <form
      noValidate
      className="w-full space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      onSubmit={submitWith((form) => {
        for (const [name, value] of Object.entries(hidden)) form.set(name, value);
        return form;
      })}
    >
      <p className="font-medium text-slate-900">{title}</p>
      <FormAlert message={message?.text} tone={message?.tone} />
      <Field id={`${id}-reason`} label={reasonLabel} error={fields.reason}>
        {(aria) => <textarea {...aria} name="reason" rows={3} maxLength={1000} className={inputClass} />}
      </Field>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" variant={variant === "secondary" ? "primary" : variant} disabled={pending}>
          {pending ? t("common.actions.saving") : submitLabel}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
          {t("visits.detail.close")}
        </Button>
      </div>
      <ConfirmDialog {...confirmation} variant={variant === "secondary" ? "primary" : variant} />
    </form>
  );
}
