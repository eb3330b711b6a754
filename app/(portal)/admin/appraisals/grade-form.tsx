"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { useServerAction, type FormAction } from "@/components/ui/use-server-action";
import { appraisalGrades, type AppraisalGrade } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";

/** The grade and comment for one expert's year (a comment is required for 优秀 and 不称职). */
export function GradeForm({
  action,
  expertId,
  name,
  year,
  grade,
  comment,
}: {
  action: FormAction;
  expertId: string;
  name: string;
  year: number;
  grade?: AppraisalGrade;
  comment?: string;
}) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const { submitWith, pending, fields, message } = useServerAction(action, {
    schema: () => import("@/lib/appraisals/schemas").then((m) => m.gradeFormSchema),
    successMessage: () => t("appraisals.admin.saved"),
    onSuccess: () => setOpen(false),
  });
  const id = `grade-${expertId}`;
  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={id}>
        {grade ? t("appraisals.admin.regrade") : t("appraisals.admin.gradeAction")}
        <span className="sr-only"> {name}</span>
      </Button>
      {open ? (
        <form
          id={id}
          aria-label={`${t("appraisals.admin.gradeAction")} ${name}`}
          noValidate
          className="space-y-2"
          onSubmit={submitWith((form) => {
            form.set("expertId", expertId);
            form.set("year", String(year));
            return form;
          })}
        >
          <Field id={`${id}-grade`} label={t("appraisals.admin.grade")} error={fields.grade}>
            {(aria) => (
              <select {...aria} name="grade" defaultValue={grade ?? ""} className={inputClass}>
                <option value="" disabled>
                  —
                </option>
                {appraisalGrades.map((g) => (
                  <option key={g} value={g}>
                    {t(`appraisals.grades.${g}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-comment`} label={t("appraisals.admin.comment")} hint={t("appraisals.admin.commentHint")} error={fields.comment}>
            {(aria) => <textarea {...aria} name="comment" rows={3} maxLength={1000} defaultValue={comment ?? ""} className={inputClass} />}
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? t("common.actions.saving") : t("appraisals.admin.save")}
          </Button>
        </form>
      ) : null}
      <FormAlert message={message?.text} tone={message?.tone} />
    </div>
  );
}
