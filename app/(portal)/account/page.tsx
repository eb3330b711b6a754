import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { accountSettings } from "@/lib/accounts/account-settings";
import { requireActor } from "@/lib/auth/current";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { AccountForm } from "./account-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("accounts.settings.title") };
}

/** Every signed-in user: their own name, phone and e-mail preferences, and the way to a new password. */
async function AccountPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getT()]);
  const settings = await accountSettings(actor);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageTitle subtitle={t("accounts.settings.intro")}>{t("accounts.settings.title")}</PageTitle>
      <Card>
        <AccountForm settings={settings} />
      </Card>
      <Card title={t("accounts.settings.password")}>
        <p className="mb-3 text-sm text-slate-600">{t("accounts.settings.passwordHint")}</p>
        <LinkButton href="/account/password" variant="secondary">
          {t("accounts.settings.passwordLink")}
        </LinkButton>
      </Card>
    </div>
  );
}

export default withClientMessages(["accounts", "errors"], AccountPage);
