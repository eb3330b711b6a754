"use client";

import { Button } from "@/components/ui/button";
import { Field, FormAlert, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useT();
  const { fields, message, pending, generation, submitWith } = useServerAction(changePasswordAction, {
    successMessage: () => t("auth.changePassword.done"),
  });
  return (
    // A new key after a success empties the password fields.
    <form key={generation} onSubmit={submitWith((form) => form)} className="space-y-4" noValidate>
      <FormAlert message={message?.text} tone={message?.tone} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field id="currentPassword" label={t("auth.changePassword.current")} error={fields.currentPassword}>
        {(aria) => <TextInput {...aria} name="currentPassword" type="password" autoComplete="current-password" required />}
      </Field>
      <Field id="newPassword" label={t("auth.changePassword.new")} hint={t("auth.setPassword.passwordHint")} error={fields.newPassword}>
        {(aria) => <TextInput {...aria} name="newPassword" type="password" autoComplete="new-password" required />}
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("auth.changePassword.submitting") : t("auth.changePassword.submit")}
      </Button>
    </form>
  );
}
