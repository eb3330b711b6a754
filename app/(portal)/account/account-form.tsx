"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, inputClass, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import type { AccountSettings } from "@/lib/accounts/account-settings";
import { emailPreferences, type EmailPreference } from "@/lib/enums";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/keys";
import { updateAccountAction } from "./actions";

const preferenceLabels: Record<EmailPreference, MessageKey> = {
  all: "accounts.settings.preferences.all",
  important: "accounts.settings.preferences.important",
  none: "accounts.settings.preferences.none",
};

/** The language names are each in their own language, as a language switch shows them. */
const localeNames = { "zh-CN": "中文", en: "English" } as const;

/** Name, phone (an expert's are on the profile), which notifications also come by e-mail, and their language. */
export function AccountForm({ settings }: { settings: AccountSettings }) {
  const { t } = useT();
  const { submitWith, pending, fields, message } = useServerAction(updateAccountAction, {
    schema: () => import("@/lib/accounts/user-schemas").then((m) => m.updateAccountSchema),
    successMessage: () => t("accounts.settings.saved"),
  });
  return (
    <form onSubmit={submitWith((form) => form)} className="space-y-5" noValidate>
      <FormAlert message={message?.text} tone={message?.tone} />
      <p className="text-sm text-slate-700">
        {t("accounts.settings.email")}: <span className="font-medium break-all">{settings.email}</span>
      </p>
      {settings.isExpert ? (
        <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">
          {settings.name} · {t("accounts.settings.onProfile")}{" "}
          <Link href="/profile" className="text-brand-700 underline underline-offset-2">
            {t("accounts.settings.profileLink")}
          </Link>
        </p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="name" label={t("accounts.settings.name")} error={fields.name}>
            {(aria) => <TextInput {...aria} name="name" defaultValue={settings.name} maxLength={50} autoComplete="name" required />}
          </Field>
          <Field id="phone" label={t("accounts.settings.phone")} error={fields.phone}>
            {(aria) => <TextInput {...aria} name="phone" type="tel" defaultValue={settings.phone ?? ""} autoComplete="tel" />}
          </Field>
        </div>
      )}
      <fieldset aria-describedby="emailNotifications-hint">
        <legend className="text-sm font-medium text-slate-800">{t("accounts.settings.notifications")}</legend>
        <p id="emailNotifications-hint" className="text-xs text-slate-500">
          {t("accounts.settings.notificationsHint")}
        </p>
        <div className="mt-2 space-y-2">
          {emailPreferences.map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="emailNotifications"
                value={value}
                defaultChecked={settings.emailNotifications === value}
                className="h-4 w-4 accent-brand-700"
              />
              {t(preferenceLabels[value])}
            </label>
          ))}
        </div>
        {fields.emailNotifications ? <p className="text-sm text-red-700">{fields.emailNotifications}</p> : null}
      </fieldset>
      <Field id="locale" label={t("accounts.settings.locale")} error={fields.locale}>
        {(aria) => (
          <select {...aria} name="locale" className={`${inputClass} sm:max-w-xs`} defaultValue={settings.locale}>
            {Object.entries(localeNames).map(([code, name]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("accounts.settings.saving") : t("accounts.settings.save")}
      </Button>
    </form>
  );
}
