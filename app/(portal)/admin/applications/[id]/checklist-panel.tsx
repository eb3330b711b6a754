"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert, inputClass } from "@/components/ui/field";
import { formDataOf, useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import { checkApplicationAction } from "../actions";

interface Item {
  item: "licence_verified" | "practice_years_confirmed" | "discipline_checked" | "references_contacted";
  label: string;
  /** "Confirmed by … on …", or null when not yet ticked. */
  done: string | null;
  note: string;
}

/** The vetting checklist: each item is confirmed (or undone) by the signed-in admin, with a note. */
export function ChecklistPanel({ applicationId, items, editable }: { applicationId: string; items: Item[]; editable: boolean }) {
  const { t } = useT();
  const { run, pending, message } = useServerAction(checkApplicationAction);
  const [notes, setNotes] = useState<Record<string, string>>({});

  const toggle = (item: Item) => void run(formDataOf({ applicationId, item: item.item, checked: String(!item.done), note: notes[item.item] ?? "" }));

  return (
    <div className="space-y-3">
      <FormAlert message={message?.text} tone={message?.tone} />
      <ul className="space-y-3">
        {items.map((item) => (
          <li
            key={item.item}
            className={`rounded-md border p-3 ${item.done ? "border-emerald-200 bg-emerald-50" : "border-slate-200"}`}
            data-testid={`check-${item.item}`}
          >
            <div className="flex items-start justify-between gap-2">
              <div>
                <p className="font-medium">
                  <span aria-hidden>{item.done ? "✓ " : "○ "}</span>
                  {item.label}
                </p>
                <p className="text-xs text-slate-600">{item.done ?? t("roster.admin.applications.notChecked")}</p>
                {item.note ? <p className="mt-1 text-xs text-slate-700">{item.note}</p> : null}
              </div>
              {editable ? (
                <Button
                  type="button"
                  variant={item.done ? "ghost" : "secondary"}
                  disabled={pending}
                  onClick={() => toggle(item)}
                  aria-label={`${item.done ? t("roster.admin.applications.untick") : t("roster.admin.applications.tick")}: ${item.label}`}
                >
                  {item.done ? t("roster.admin.applications.untick") : t("roster.admin.applications.tick")}
                </Button>
              ) : null}
            </div>
            {editable && !item.done ? (
              <input
                className={`${inputClass} mt-2`}
                placeholder={t("roster.admin.applications.checkNote")}
                aria-label={`${t("roster.admin.applications.checkNote")}: ${item.label}`}
                value={notes[item.item] ?? ""}
                maxLength={300}
                onChange={(e) => setNotes({ ...notes, [item.item]: e.target.value })}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
