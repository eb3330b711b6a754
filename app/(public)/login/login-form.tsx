"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, TextInput } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";

/** Sign-in; `notice` is a success to show until the first attempt (a password just set). */
export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const { t } = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState(notice);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    setSuccess(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    const locked = /^locked:(\d+)/.exec(result?.error ?? "");
    if (locked) setError(t("auth.signIn.locked", { minutes: locked[1] ?? "15" }));
    else setError(result?.error === "busy" ? t("auth.busy") : t("auth.signIn.wrong"));
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={error ?? success} tone={error ? "error" : "success"} />
      <Field id="email" label={t("auth.signIn.email")}>
        {(aria) => <TextInput {...aria} name="email" type="email" autoComplete="username" required />}
      </Field>
      <Field id="password" label={t("auth.signIn.password")}>
        {(aria) => <TextInput {...aria} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline">
          {t("auth.signIn.forgotLink")}
        </Link>
      </p>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("auth.signIn.submitting") : t("auth.signIn.submit")}
      </Button>
      <p className="text-sm text-slate-600">
        {t("auth.signIn.noAccount")}{" "}
        <Link href="/register" className="text-brand-700 underline">
          {t("auth.signIn.registerLink")}
        </Link>
      </p>
    </form>
  );
}
