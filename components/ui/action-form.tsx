"use client";

import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/field";
import type { SchemaLoader } from "@/components/ui/submission";
import { useServerAction } from "@/components/ui/use-server-action";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";

interface Props<T> {
  action: (form: FormData) => Promise<ActionResult<T>>;
  /** The action's schema, so that a confirmation is only asked once the fields are valid. */
  schema?: SchemaLoader;
  /** Hidden fields sent with the form (the request id). */
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  /** A question asked, in a dialog, before a destructive or final step. */
  confirm?: string;
  /** Shown after success (the page also refreshes). */
  success?: string;
  /** The fields, given the field errors of the last attempt. */
  children?: (fields: Record<string, string>) => ReactNode;
  className?: string;
}

/**
 * A small form around one server action: pending state on the button, field errors under the
 * fields, the form error announced, an optional confirmation dialog, and a refresh on success.
 */
export function ActionForm<T>({
  action,
  schema,
  hidden = {},
  submitLabel,
  pendingLabel,
  variant = "primary",
  confirm,
  success,
  children,
  className = "",
}: Props<T>) {
  const { t } = useT();
  const { submitWith, pending, fields, message, generation, confirmation } = useServerAction(action, {
    schema,
    confirm: () => confirm ?? null,
    successMessage: success ? () => success : undefined,
  });

  return (
    <form
      key={generation}
      noValidate
      className={`space-y-3 ${className}`}
      onSubmit={submitWith((form) => {
        for (const [key, value] of Object.entries(hidden)) form.set(key, value);
        return form;
      })}
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      {children?.(fields)}
      <Button type="submit" variant={variant} disabled={pending} className="w-full sm:w-auto">
        {pending ? (pendingLabel ?? t("common.actions.saving")) : submitLabel}
      </Button>
      <ConfirmDialog {...confirmation} variant={variant} />
    </form>
  );
}
