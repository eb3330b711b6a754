import { Card, PageTitle } from "@/components/ui/card";
import { getT } from "@/lib/i18n/server";
import { SignOutButton } from "./sign-out-button";

export default async function LogoutPage() {
  const { t } = await getT();
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("auth.signOut.title")}</PageTitle>
      <Card>
        <p className="mb-4 text-slate-700">{t("auth.signOut.body")}</p>
        <SignOutButton label={t("auth.signOut.submit")} />
      </Card>
    </div>
  );
}
