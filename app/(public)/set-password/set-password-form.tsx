"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import { setPasswordAction } from "./actions";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const { t } = useT();
  const router = useRouter();
  const { fields, message, pending, submitWith } = useServerAction(setPasswordAction, {
    successMessage: () => t("auth.setPassword.done"),
    leavesPage: true,
    onSuccess: () => router.replace("/login?passwordSet=1"),
  });
  // A link that stopped working meanwhile (used in another tab, expired) cannot be fixed by retyping.
  const isLinkProblem = message?.tone === "error" && !Object.keys(fields).length;

  return (
    <form onSubmit={submitWith((form) => form)} className="space-y-4" noValidate>
      <FormAlert message={message?.text} tone={message?.tone} />
      {isLinkProblem ? (
        <p className="text-sm">
          <Link href="/forgot-password" className="text-brand-700 underline">
            {t("auth.setPassword.askAgain")}
          </Link>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field id="password" label={t("auth.setPassword.password")} hint={t("auth.setPassword.passwordHint")} error={fields.password}>
        {(aria) => <TextInput {...aria} name="password" type="password" autoComplete="new-password" required />}
      </Field>
      <Field id="confirm" label={t("auth.setPassword.confirm")} error={fields.confirm}>
        {(aria) => <TextInput {...aria} name="confirm" type="password" autoComplete="new-password" required />}
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("auth.setPassword.submitting") : t("auth.setPassword.submit")}
      </Button>
    </form>
  );
}
