"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";

/** Sign-in; `notice` is a success to show until the first attempt (a password just set). */
export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const { t } = useT();
  const router = useRouter();

  // next-auth's sign-in, answered like a server action so that this form works like every other.
  async function signInWith(form: FormData): Promise<ActionResult<null>> {
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) return { ok: true, data: null };
    const locked = /^locked:(\d+)/.exec(result?.error ?? "");
    if (locked) return { ok: false, code: "rate_limited", message: t("auth.signIn.locked", { minutes: locked[1] ?? "15" }) };
    return { ok: false, code: "unauthorized", message: result?.error === "busy" ? t("auth.busy") : t("auth.signIn.wrong") };
  }

  const { submitWith, pending, message } = useServerAction(signInWith, {
    leavesPage: true,
    onSuccess: () => {
      router.replace(callbackUrl);
      router.refresh();
    },
  });
  // The notice stands until the first attempt.
  const shown = message ?? (notice && !pending ? { text: notice, tone: "success" as const } : null);

  return (
    <form onSubmit={submitWith((form) => form)} className="space-y-4" noValidate>
      <FormAlert message={shown?.text} tone={shown?.tone} />
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
