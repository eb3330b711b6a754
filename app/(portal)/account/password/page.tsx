import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { ChangePasswordForm } from "./password-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("auth.changePassword.title") };
}

/** Any signed-in user changes their own password; their other sessions end. */
async function ChangePasswordPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getT()]);
  return (
    <div className="mx-auto max-w-md">
      <PageTitle subtitle={t("auth.changePassword.intro")}>{t("auth.changePassword.title")}</PageTitle>
      <Card>
        <ChangePasswordForm email={actor.email} />
      </Card>
    </div>
  );
}

export default withClientMessages(["auth", "errors"], ChangePasswordPage);
