import { LinkButton } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getT();
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <PageTitle subtitle={t("common.notFound.body")}>{t("common.notFound.title")}</PageTitle>
      <LinkButton href="/">{t("common.notFound.home")}</LinkButton>
    </div>
  );
}
