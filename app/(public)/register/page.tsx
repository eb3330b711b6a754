import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { RegisterForm } from "./register-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("auth.register.title") };
}

async function RegisterPage() {
  const { t } = await getT();
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle subtitle={t("auth.register.intro")}>{t("auth.register.title")}</PageTitle>
      <Card>
        <RegisterForm />
      </Card>
    </div>
  );
}

export default withClientMessages(["auth", "errors", "privacy"], RegisterPage);
