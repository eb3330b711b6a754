"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Field, FormAlert, TextInput } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";
import { addConflictAction, removeConflictAction } from "./actions";

interface Conflict {
  id: string;
  companyName: string;
  creditCode: string | null;
  note: string;
}

/** The expert's declared conflicts of interest: add one, or remove one after confirming. */
export function ConflictsPanel({ conflicts }: { conflicts: Conflict[] }) {
  const { t } = useT();
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  async function onAdd(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending("add");
    setMessage(null);
    const result = await addConflictAction(new FormData(form));
    setPending(null);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setMessage(result.message);
      return;
    }
    setFields({});
    form.reset();
    router.refresh();
  }

  async function onRemove(conflict: Conflict) {
    if (!window.confirm(t("roster.me.removeConfirm", { name: conflict.companyName }))) return;
    setPending(conflict.id);
    const result = await removeConflictAction({ id: conflict.id });
    setPending(null);
    if (!result.ok) setMessage(result.message);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("roster.me.conflictsIntro")}</p>
      {conflicts.length ? (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {conflicts.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <div className="min-w-0">
                <p className="font-medium">{c.companyName}</p>
                <p className="text-sm text-slate-600">{[c.creditCode, c.note].filter(Boolean).join(" · ")}</p>
              </div>
              <Button
                type="button"
                variant="secondary"
                disabled={pending === c.id}
                onClick={() => onRemove(c)}
                aria-label={`${t("roster.me.remove")} ${c.companyName}`}
              >
                {t("roster.me.remove")}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t("roster.me.conflictsEmpty")}</EmptyState>
      )}
      <form onSubmit={onAdd} className="grid gap-3 sm:grid-cols-[2fr_2fr_2fr_auto] sm:items-end" noValidate>
        <Field id="companyName" label={t("roster.me.companyName")} error={fields.companyName}>
          {(aria) => <TextInput {...aria} name="companyName" maxLength={100} />}
        </Field>
        <Field id="creditCode" label={t("roster.me.creditCode")} error={fields.creditCode}>
          {(aria) => <TextInput {...aria} name="creditCode" spellCheck={false} autoCapitalize="characters" />}
        </Field>
        <Field id="note" label={t("roster.me.note")} error={fields.note}>
          {(aria) => <TextInput {...aria} name="note" maxLength={300} />}
        </Field>
        <Button type="submit" disabled={pending === "add"}>
          {pending === "add" ? t("roster.me.adding") : t("roster.me.addConflict")}
        </Button>
      </form>
      <FormAlert message={message} />
    </div>
  );
}
