"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import type { RoutingSettings } from "@/lib/routing/schemas";
import { scorePartNames, type ScorePartName } from "@/lib/routing/parts";
import { updateRoutingSettingsAction } from "./actions";

/** The routing weights (with each one's share of the score as you type) and the deadlines. */
export function SettingsForm({ initial }: { initial: RoutingSettings }) {
  const { t } = useT();
  const [weights, setWeights] = useState<Record<ScorePartName, string>>(
    Object.fromEntries(scorePartNames.map((n) => [n, String(initial.weights[n])])) as Record<ScorePartName, string>,
  );
  const { submitWith, pending, fields, message } = useServerAction(updateRoutingSettingsAction, {
    successMessage: () => t("routing.settings.saved"),
  });
  const total = scorePartNames.reduce((sum, n) => sum + (Number(weights[n]) || 0), 0);

  return (
    <form
      onSubmit={submitWith((form) => ({
        weights,
        deadlines: { normalHours: form.get("normalHours"), urgentHours: form.get("urgentHours") },
      }))}
      className="space-y-6"
      noValidate
    >
      <FormAlert message={message?.text} tone={message?.tone} />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">{t("routing.settings.weights")}</legend>
        <p className="text-sm text-slate-600">{t("routing.settings.weightsHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {scorePartNames.map((name) => {
            const share = total > 0 ? Math.round(((Number(weights[name]) || 0) / total) * 100) : 0;
            return (
              <Field
                key={name}
                id={`weight-${name}`}
                label={t(`routing.parts.${name}`)}
                hint={`${t(`routing.partHints.${name}`)} ${t("routing.settings.share", { share })}`}
                error={fields[`weights.${name}`]}
              >
                {(aria) => (
                  <TextInput
                    {...aria}
                    name={`weights.${name}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100}
                    step={1}
                    value={weights[name]}
                    onChange={(e) => setWeights((w) => ({ ...w, [name]: e.target.value }))}
                  />
                )}
              </Field>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">{t("routing.settings.deadlines")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {(["normalHours", "urgentHours"] as const).map((name) => (
            <Field key={name} id={name} label={t(`routing.settings.${name}`)} error={fields[`deadlines.${name}`]}>
              {(aria) => (
                <TextInput {...aria} name={name} type="number" inputMode="numeric" min={1} max={720} defaultValue={initial.deadlines[name]} />
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("common.actions.saving") : t("routing.settings.save")}
      </Button>
    </form>
  );
}
