import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { checkPasswordLink } from "@/lib/accounts/set-password";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { SetPasswordForm } from "./set-password-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  // The link in the address is a credential: no referrer carries it away, no search engine keeps it.
  return { title: t("auth.setPassword.resetTitle"), referrer: "no-referrer", robots: { index: false } };
}

/** Where a set-password link lands: the form while the link works, else why not and how to get a new one. */
async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const [{ t }, { token }] = await Promise.all([getT(), searchParams]);
  const value = typeof token === "string" ? token.trim() : "";
  const link = await checkPasswordLink(value);
  if (link.status !== "valid") {
    return (
      <div className="mx-auto max-w-md">
        <PageTitle>{t("auth.setPassword.unusableTitle")}</PageTitle>
        <Card>
          <p role="alert" className="text-slate-800">
            {t(`auth.setPassword.${link.status}`)}
          </p>
          <div className="mt-4 flex flex-wrap gap-2">
            <LinkButton href="/forgot-password">{t("auth.setPassword.askAgain")}</LinkButton>
            <LinkButton href="/login" variant="secondary">
              {t("auth.setPassword.signIn")}
            </LinkButton>
          </div>
        </Card>
      </div>
    );
  }
  const isInvite = link.purpose === "invite";
  return (
    <div className="mx-auto max-w-md">
      <PageTitle subtitle={t(isInvite ? "auth.setPassword.inviteIntro" : "auth.setPassword.resetIntro", { email: link.email })}>
        {t(isInvite ? "auth.setPassword.inviteTitle" : "auth.setPassword.resetTitle")}
      </PageTitle>
      <Card>
        <SetPasswordForm token={value} email={link.email} />
      </Card>
    </div>
  );
}

export default withClientMessages(["auth", "errors"], SetPasswordPage);
