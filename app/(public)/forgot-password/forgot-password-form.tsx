"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const { t } = useT();
  const { fields, message, pending, submitWith } = useServerAction(requestPasswordResetAction, {
    successMessage: () => t("auth.forgot.sent"),
  });

  return (
    <form onSubmit={submitWith((form) => form)} className="space-y-4" noValidate>
      <FormAlert message={message?.text} tone={message?.tone} />
      <Field id="email" label={t("auth.forgot.email")} error={fields.email}>
        {(aria) => <TextInput {...aria} name="email" type="email" autoComplete="email" required />}
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("auth.forgot.submitting") : t("auth.forgot.submit")}
      </Button>
      <p className="text-sm">
        <Link href="/login" className="text-brand-700 underline">
          {t("auth.forgot.backToSignIn")}
        </Link>
      </p>
    </form>
  );
}
