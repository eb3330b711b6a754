"use client";

import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormAlert, inputClass } from "@/components/ui/field";
import { useServerAction, type FormAction } from "@/components/ui/use-server-action";
import type { AppraisalGrade, ExpertStatus } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/keys";
import { reinstateExpertAction, renewExpertAction, retireExpertAction, suspendExpertAction } from "../actions";

type Kind = "renew" | "suspend" | "reinstate" | "retire";

const config: Record<Kind, { label: MessageKey; hint: MessageKey; confirm: MessageKey; variant: ButtonVariant; from: ExpertStatus[] }> = {
  renew: {
    label: "roster.admin.expert.renew",
    hint: "roster.admin.expert.renewHint",
    confirm: "roster.admin.expert.confirmRenew",
    variant: "primary",
    from: ["active", "suspended"],
  },
  suspend: {
    label: "roster.admin.expert.suspend",
    hint: "roster.admin.expert.suspendHint",
    confirm: "roster.admin.expert.confirmSuspend",
    variant: "danger",
    from: ["active"],
  },
  reinstate: {
    label: "roster.admin.expert.reinstate",
    hint: "roster.admin.expert.reinstateHint",
    confirm: "roster.admin.expert.confirmReinstate",
    variant: "primary",
    from: ["suspended"],
  },
  retire: {
    label: "roster.admin.expert.retire",
    hint: "roster.admin.expert.retireHint",
    confirm: "roster.admin.expert.confirmRetire",
    variant: "danger",
    from: ["active", "suspended"],
  },
};

/** The roster decisions that apply to the expert's status, each with a reason and a confirmation. */
export function ExpertActions({
  expertId,
  name,
  status,
  appraisals = [],
}: {
  expertId: string;
  name: string;
  status: ExpertStatus;
  /** The annual appraisals of the current term (the renewal decision shows them). */
  appraisals?: { year: number; grade: AppraisalGrade; comment: string }[];
}) {
  const hasIncompetent = appraisals.some((a) => a.grade === "incompetent");
  const { t } = useT();
  const kinds = (Object.keys(config) as Kind[]).filter((k) => config[k].from.includes(status));
  const [kind, setKind] = useState<Kind | null>(null);
  const [termYears, setTermYears] = useState("3");
  const byKind: Record<Kind, FormAction> = {
    renew: renewExpertAction,
    suspend: suspendExpertAction,
    reinstate: reinstateExpertAction,
    retire: retireExpertAction,
  };
  const { submitWith, pending, fields, message, confirmation } = useServerAction((form: FormData) => byKind[kind ?? "renew"](form), {
    schema: () => import("@/lib/roster/decision-schemas").then((m) => (kind === "renew" ? m.renewSchema : m.reasonSchema)),
    confirm: () => (kind ? t(config[kind].confirm, { name, years: termYears }) : null),
    successMessage: () => t("roster.admin.expert.done"),
    onSuccess: () => setKind(null),
  });

  if (!kinds.length) return <p className="text-sm text-slate-600">—</p>;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        {kinds.map((k) => (
          <Button
            key={k}
            type="button"
            variant={kind === k ? config[k].variant : "secondary"}
            onClick={() => setKind(kind === k ? null : k)}
            aria-expanded={kind === k}
          >
            {t(config[k].label)}
          </Button>
        ))}
      </div>
      {kind ? (
        <form
          onSubmit={submitWith((form) => {
            form.set("expertId", expertId);
            return form;
          })}
          className="space-y-3"
          noValidate
          aria-label={t(config[kind].label)}
        >
          <p className="text-sm text-slate-600">{t(config[kind].hint)}</p>
          {kind === "renew" ? (
            <Field id="renewYears" label={t("roster.admin.expert.termYears")} error={fields.termYears}>
              {(aria) => (
                <select {...aria} name="termYears" value={termYears} onChange={(e) => setTermYears(e.target.value)} className={inputClass}>
                  {[1, 2, 3, 4, 5].map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {kind === "renew" ? (
            <section aria-labelledby="termAppraisals" className="space-y-1 text-sm">
              <h3 id="termAppraisals" className="font-medium">
                {t("appraisals.renewal.heading")}
              </h3>
              {appraisals.length ? (
                <ul data-testid="term-appraisals">
                  {appraisals.map((a) => (
                    <li key={a.year}>
                      {a.year} ·{" "}
                      <span className={a.grade === "incompetent" ? "font-medium text-red-700" : ""}>{t(`appraisals.grades.${a.grade}`)}</span>
                      {a.comment ? <span className="text-slate-600"> · {a.comment}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-600">{t("appraisals.renewal.none")}</p>
              )}
              {hasIncompetent ? <p className="text-amber-800">{t("appraisals.renewal.incompetentWarning")}</p> : null}
            </section>
          ) : null}
          {kind === "renew" && hasIncompetent ? (
            <Field id="appraisalReason" label={t("appraisals.renewal.appraisalReason")} error={fields.appraisalReason}>
              {(aria) => <textarea {...aria} name="appraisalReason" rows={3} maxLength={500} className={inputClass} />}
            </Field>
          ) : null}
          <Field id="actionReason" label={t("roster.admin.expert.reason")} error={fields.reason}>
            {(aria) => <textarea {...aria} name="reason" rows={3} maxLength={500} className={inputClass} />}
          </Field>
          <Button type="submit" variant={config[kind].variant} disabled={pending} className="w-full">
            {pending ? t("common.actions.saving") : t(config[kind].label)}
          </Button>
          <ConfirmDialog {...confirmation} variant={config[kind].variant} />
        </form>
      ) : null}
      <FormAlert message={message?.text} tone={message?.tone} />
    </div>
  );
}
