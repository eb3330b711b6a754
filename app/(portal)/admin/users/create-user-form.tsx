"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import { createUserAction } from "./actions";

export interface Choice {
  value: string;
  label: string;
}

/**
 * A new admin (offered to unscoped admins only: for the whole zone or a district) or a station's
 * staff (the stations of the admin's district); either may be a partner system's integration account.
 */
export function CreateUserForm({ canCreateAdmins, stations, districts }: { canCreateAdmins: boolean; stations: Choice[]; districts: Choice[] }) {
  const { t } = useT();
  const [role, setRole] = useState<"station" | "admin">("station");
  const { submitWith, pending, fields, message, generation } = useServerAction(createUserAction, {
    schema: () => import("@/lib/accounts/user-schemas").then((m) => m.createUserSchema),
    successMessage: (data) => (data.integration ? t("accounts.create.doneIntegration") : t("accounts.create.doneInvited")),
  });

  return (
    <form key={generation} onSubmit={submitWith((form) => form)} className="space-y-4" noValidate>
      <FormAlert message={message?.text} tone={message?.tone} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="email" label={t("accounts.create.email")} error={fields.email}>
          {(aria) => <TextInput {...aria} name="email" type="email" autoComplete="off" required />}
        </Field>
        <Field id="name" label={t("accounts.create.name")} error={fields.name}>
          {(aria) => <TextInput {...aria} name="name" maxLength={50} required />}
        </Field>
        <Field id="role" label={t("accounts.create.role")} error={fields.role}>
          {(aria) => (
            <select
              {...aria}
              name="role"
              className={inputClass}
              value={role}
              onChange={(e) => setRole(e.target.value === "admin" ? "admin" : "station")}
            >
              <option value="station">{t("common.roles.station")}</option>
              {canCreateAdmins ? <option value="admin">{t("common.roles.admin")}</option> : null}
            </select>
          )}
        </Field>
        {role === "station" ? (
          <Field
            id="stationId"
            label={t("accounts.create.station")}
            hint={stations.length ? undefined : t("accounts.create.noStations")}
            error={fields.stationId}
          >
            {(aria) => (
              <select {...aria} name="stationId" className={inputClass} defaultValue="" required>
                <option value="">{t("accounts.create.stationPick")}</option>
                {stations.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <Field id="regionScope" label={t("accounts.create.regionScope")} error={fields.regionScope}>
            {(aria) => (
              <select {...aria} name="regionScope" className={inputClass} defaultValue="">
                <option value="">{t("accounts.create.regionScopeZone")}</option>
                {districts.map((d) => (
                  <option key={d.value} value={d.value}>
                    {d.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name="integration" aria-describedby="integration-hint" className="h-4 w-4 accent-brand-700" />
          {t("accounts.create.integration")}
        </label>
        <p id="integration-hint" className="text-xs text-slate-500">
          {t("accounts.create.integrationHint")}
        </p>
        {fields.integration ? <p className="text-sm text-red-700">{fields.integration}</p> : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("accounts.create.submitting") : t("accounts.create.submit")}
      </Button>
    </form>
  );
}
