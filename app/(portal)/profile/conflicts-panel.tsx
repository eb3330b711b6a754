"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormAlert, TextInput } from "@/components/ui/field";
import { formDataOf, useServerAction } from "@/components/ui/use-server-action";
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
  const adding = useServerAction(addConflictAction);
  const removing = useServerAction((form: FormData) => removeConflictAction(form), {
    confirm: (form) => {
      const conflict = conflicts.find((c) => c.id === form.get("id"));
      return t("roster.me.removeConfirm", { name: conflict?.companyName ?? "" });
    },
  });
  const message = adding.message ?? removing.message;

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
                disabled={removing.pending}
                onClick={() => void removing.run(formDataOf({ id: c.id }))}
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
      <form
        key={adding.generation}
        onSubmit={adding.submitWith((form) => form)}
        className="grid gap-3 sm:grid-cols-[2fr_2fr_2fr_auto] sm:items-end"
        noValidate
      >
        <Field id="companyName" label={t("roster.me.companyName")} error={adding.fields.companyName}>
          {(aria) => <TextInput {...aria} name="companyName" maxLength={100} />}
        </Field>
        <Field id="creditCode" label={t("roster.me.creditCode")} error={adding.fields.creditCode}>
          {(aria) => <TextInput {...aria} name="creditCode" spellCheck={false} autoCapitalize="characters" />}
        </Field>
        <Field id="note" label={t("roster.me.note")} error={adding.fields.note}>
          {(aria) => <TextInput {...aria} name="note" maxLength={300} />}
        </Field>
        <Button type="submit" disabled={adding.pending}>
          {adding.pending ? t("roster.me.adding") : t("roster.me.addConflict")}
        </Button>
      </form>
      <FormAlert message={message?.text} tone={message?.tone} />
      <ConfirmDialog {...removing.confirmation} variant="danger" />
    </div>
  );
}
