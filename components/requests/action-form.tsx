"use client";

import { useRouter } from "next/navigation";
import { Fragment, useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";

interface Props {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  /** Hidden fields sent with the form (the request id). */
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  /** A question asked before a destructive or final step; the action runs only after "confirm". */
  confirm?: string;
  /** Shown after success (the page also refreshes). */
  success?: string;
  /** The fields, given the field errors of the last attempt. */
  children?: (fields: Record<string, string>) => ReactNode;
  className?: string;
}

/**
 * A small form around one server action: pending state on the button, field errors under the
 * fields, the form error announced, an optional confirmation step, and a refresh on success.
 */
export function ActionForm({
  action,
  hidden = {},
  submitLabel,
  pendingLabel,
  variant = "primary",
  confirm,
  success,
  children,
  className = "",
}: Props) {
  const { t } = useT();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [asking, setAsking] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  // A new generation after each success: the fields start afresh, their own state included.
  const [generation, setGeneration] = useState(0);

  async function run(form: HTMLFormElement) {
    setPending(true);
    setMessage(null);
    const data = new FormData(form);
    for (const [key, value] of Object.entries(hidden)) data.set(key, value);
    const result = await action(data);
    setPending(false);
    setAsking(false);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setMessage({ text: result.message, tone: "error" });
      return;
    }
    setFields({});
    setGeneration((g) => g + 1);
    if (success) setMessage({ text: success, tone: "success" });
    router.refresh();
  }

  return (
    <form
      noValidate
      className={`space-y-3 ${className}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (confirm && !asking) return setAsking(true);
        void run(event.currentTarget);
      }}
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      <Fragment key={generation}>{children?.(fields)}</Fragment>
      {asking ? (
        <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3" role="group" aria-live="polite">
          <p className="text-sm text-amber-900">{confirm}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant={variant} disabled={pending}>
              {pending ? (pendingLabel ?? t("common.actions.saving")) : t("common.actions.confirm")}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setAsking(false)}>
              {t("common.actions.cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button type="submit" variant={variant} disabled={pending} className="w-full sm:w-auto">
          {pending ? (pendingLabel ?? t("common.actions.saving")) : submitLabel}
        </Button>
      )}
    </form>
  );
}
