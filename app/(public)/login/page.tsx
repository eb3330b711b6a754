import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { getActor } from "@/lib/auth/current";
import { showDemoAccounts } from "@/lib/auth/demo-accounts";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { siteUrl } from "@/lib/env";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("auth.signIn.title") };
}

async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; passwordSet?: string }> }) {
  if (await getActor()) redirect("/portal");
  const { t } = await getT();
  const { callbackUrl, passwordSet } = await searchParams;
  const isDemo = await showDemoAccounts();
  const safeCallback = safeRedirectPath(callbackUrl, siteUrl());
  return (
    <div className="mx-auto max-w-md">
      <PageTitle subtitle={t("auth.signIn.intro")}>{t("auth.signIn.title")}</PageTitle>
      <Card>
        <LoginForm callbackUrl={safeCallback} notice={passwordSet ? t("auth.signIn.passwordSet") : undefined} />
      </Card>
      {isDemo ? (
        <p className="mt-4 text-xs text-slate-500">
          {t("auth.signIn.demoHint")} admin@demo.example · jiashan-admin@demo.example · expert@demo.example · enterprise@demo.example ·
          station@demo.example
        </p>
      ) : null}
    </div>
  );
}

export default withClientMessages(["auth", "errors"], LoginPage);
