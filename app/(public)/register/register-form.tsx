"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { PrivacyConsent } from "@/components/privacy/privacy-consent";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { useT } from "@/lib/i18n/client";
import { registerEnterpriseAction } from "./actions";

export function RegisterForm() {
  const { t } = useT();
  const router = useRouter();
  const { fields, message, pending, submitWith } = useServerAction((form: FormData) => registerEnterpriseAction(form), {
    successMessage: () => t("auth.register.done"),
    leavesPage: true,
    onSuccess: async (_data, form) => {
      await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
      router.replace("/portal");
      router.refresh();
    },
  });

  const input = (name: string, label: string, props: React.ComponentProps<"input"> = {}, hint?: string) => (
    <Field id={name} label={label} hint={hint} error={fields[name]}>
      {(aria) => <TextInput {...aria} name={name} {...props} />}
    </Field>
  );

  return (
    <form onSubmit={submitWith((form) => form)} className="space-y-4" noValidate>
      <FormAlert message={message?.text} tone={message?.tone} />
      {input("companyName", t("auth.register.companyName"), { autoComplete: "organization", required: true })}
      {input(
        "creditCode",
        t("auth.register.creditCode"),
        { autoCapitalize: "characters", spellCheck: false, required: true },
        t("auth.register.creditCodeHint"),
      )}
      {input("contactName", t("auth.register.contactName"), { autoComplete: "name", required: true })}
      {input("email", t("auth.register.email"), { type: "email", autoComplete: "email", required: true })}
      {input("phone", t("auth.register.phone"), { type: "tel", autoComplete: "tel" })}
      {input(
        "password",
        t("auth.register.password"),
        { type: "password", autoComplete: "new-password", required: true },
        t("auth.register.passwordHint"),
      )}
      <PrivacyConsent purpose="register" error={fields.privacyConsent} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("auth.register.submitting") : t("auth.register.submit")}
      </Button>
      <p className="text-sm text-slate-600">
        {t("auth.register.haveAccount")}{" "}
        <Link href="/login" className="text-brand-700 underline">
          {t("auth.signIn.title")}
        </Link>
      </p>
    </form>
  );
}
