"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { requestCategories, type RequestCategory } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import { updateCategorySpecialtiesAction } from "./actions";

/**
 * What each request category implies when the company chose no specialty: one row of ticks per
 * category. Matching ranks the experts with these higher (it rules nobody out by them).
 */
export function CategorySpecialtiesForm({
  initial,
  specialties,
}: {
  initial: Record<RequestCategory, string[]>;
  specialties: { code: string; name: string }[];
}) {
  const { t } = useT();
  const [mapping, setMapping] = useState(initial);
  const { submitWith, pending, fields, message } = useServerAction(updateCategorySpecialtiesAction, {
    successMessage: () => t("routing.categorySpecialties.saved"),
  });
  const toggle = (category: RequestCategory, code: string) =>
    setMapping((m) => ({ ...m, [category]: m[category].includes(code) ? m[category].filter((c) => c !== code) : [...m[category], code] }));

  return (
    <form onSubmit={submitWith(() => mapping)} className="space-y-4" noValidate>
      <FormAlert message={message?.text} tone={message?.tone} />
      {requestCategories.map((category) => (
        <fieldset key={category} className="border-b border-slate-100 pb-3" aria-describedby={fields[category] ? `cs-${category}-error` : undefined}>
          <legend className="text-sm font-medium text-slate-900">{t(`enums.requestCategory.${category}`)}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {specialties.map((s) => (
              <label key={s.code} className="flex items-center gap-1.5 text-sm text-slate-700">
                <input
                  type="checkbox"
                  name={`${category}-${s.code}`}
                  checked={mapping[category].includes(s.code)}
                  onChange={() => toggle(category, s.code)}
                />
                {s.name}
              </label>
            ))}
          </div>
          {fields[category] ? (
            <p id={`cs-${category}-error`} className="mt-1 text-sm text-red-700">
              {fields[category]}
            </p>
          ) : null}
        </fieldset>
      ))}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("common.actions.saving") : t("routing.categorySpecialties.save")}
      </Button>
    </form>
  );
}
