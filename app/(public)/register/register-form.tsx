"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, TextInput } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";
import { registerEnterpriseAction } from "./actions";

export function RegisterForm() {
  const { t } = useT();
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await registerEnterpriseAction(form);
    if (!result.ok) {
      setFields(result.fields ?? {});
      setMessage({ text: result.message, tone: "error" });
      setPending(false);
      return;
    }
    setFields({});
    setMessage({ text: t("auth.register.done"), tone: "success" });
    await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    router.replace("/portal");
    router.refresh();
  }

  const input = (name: string, label: string, props: React.ComponentProps<"input"> = {}, hint?: string) => (
    <Field id={name} label={label} hint={hint} error={fields[name]}>
      {(aria) => <TextInput {...aria} name={name} {...props} />}
    </Field>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={message?.text} tone={message?.tone} />
      {input("companyName", t("auth.register.companyName"), { autoComplete: "organization", required: true })}
      {input("creditCode", t("auth.register.creditCode"), { autoCapitalize: "characters", spellCheck: false, required: true }, t("auth.register.creditCodeHint"))}
      {input("contactName", t("auth.register.contactName"), { autoComplete: "name", required: true })}
      {input("email", t("auth.register.email"), { type: "email", autoComplete: "email", required: true })}
      {input("phone", t("auth.register.phone"), { type: "tel", autoComplete: "tel" })}
      {input("password", t("auth.register.password"), { type: "password", autoComplete: "new-password", required: true }, t("auth.register.passwordHint"))}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("auth.register.submitting") : t("auth.register.submit")}
      </Button>
      <p className="text-sm text-slate-600">
        {t("auth.register.haveAccount")}{" "}
        <Link href="/login" className="text-brand-700 underline">
          {t("common.nav.signIn")}
        </Link>
      </p>
    </form>
  );
}
