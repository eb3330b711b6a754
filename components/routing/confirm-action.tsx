"use client";

import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { formDataOf, useServerAction, type FormAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";

interface Props {
  /** A server action taking `input` plus the reason (and the choice, when offered). */
  action: FormAction;
  input: Record<string, string>;
  label: string;
  variant?: ButtonVariant;
  /** With a title, the button opens a small form that asks for a reason and a confirmation. */
  title?: string;
  hint?: string;
  choices?: { value: string; label: string }[];
  choiceLabel?: string;
  size?: "normal" | "small";
}

/** An admin action: one click, or (with a title) a reason for the audit trail and a confirmation. */
export function ConfirmAction({ action, input, label, variant = "secondary", title, hint, choices, choiceLabel, size = "normal" }: Props) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const { run, submitWith, pending, fields, message } = useServerAction(action, { onSuccess: () => setOpen(false) });
  const key = Object.values(input).join("-");

  const small = size === "small" ? "min-h-8 px-3 py-1 text-xs" : "";
  if (!title) {
    return (
      <span className="inline-flex flex-col gap-1">
        <Button type="button" variant={variant} className={small} disabled={pending} onClick={() => void run(formDataOf(input))}>
          {pending ? t("routing.panel.working") : label}
        </Button>
        <FormAlert message={message?.text} tone={message?.tone} />
      </span>
    );
  }
  if (!open) {
    return (
      <Button type="button" variant={variant} className={small} onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }
  return (
    <form
      className="w-full space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-left"
      noValidate
      onSubmit={submitWith((form) => {
        for (const [name, value] of Object.entries(input)) form.set(name, value);
        return form;
      })}
    >
      <p className="font-medium text-slate-900">{title}</p>
      {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      <FormAlert message={message?.text} tone={message?.tone} />
      {choices ? (
        <Field id={`choice-${key}`} label={choiceLabel ?? ""} error={fields.expertId}>
          {(aria) => (
            <select {...aria} name="expertId" className={inputClass} defaultValue="">
              {choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field id={`reason-${key}`} label={t("routing.panel.reasonLabel")} error={fields.reason}>
        {(aria) => <textarea {...aria} name="reason" rows={2} maxLength={500} required className={inputClass} />}
      </Field>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" variant={variant === "secondary" ? "primary" : variant} disabled={pending}>
          {pending ? t("routing.panel.working") : t("routing.panel.confirm")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
          {t("routing.panel.cancel")}
        </Button>
      </div>
    </form>
  );
}
