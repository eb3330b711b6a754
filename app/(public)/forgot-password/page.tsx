import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("auth.forgot.title") };
}

/** Anyone asks for a link to set a new password; the answer never says whether the account exists. */
async function ForgotPasswordPage() {
  const { t } = await getT();
  return (
    <div className="mx-auto max-w-md">
      <PageTitle subtitle={t("auth.forgot.intro")}>{t("auth.forgot.title")}</PageTitle>
      <Card>
        <ForgotPasswordForm />
      </Card>
    </div>
  );
}

export default withClientMessages(["auth", "errors"], ForgotPasswordPage);
