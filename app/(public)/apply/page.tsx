import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { serviceModes } from "@/lib/enums";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { LICENCE_ACCEPT } from "@/lib/roster/application-documents";
import { referenceNames } from "@/lib/roster/reference-names";
import { ApplyForm } from "./apply-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("roster.apply.title"), description: t("roster.apply.metaDescription"), alternates: { canonical: "/apply" } };
}

async function ApplyPage() {
  const { t, locale } = await getT();
  const names = await referenceNames(locale);
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle subtitle={t("roster.apply.intro")}>{t("roster.apply.title")}</PageTitle>
      <Card>
        <ApplyForm specialties={names.specialties} regions={names.regions} serviceModes={serviceModes} accept={LICENCE_ACCEPT} />
      </Card>
      <p className="mt-4 text-sm text-slate-600">
        {t("roster.apply.already")}{" "}
        <Link href="/apply/status" className="text-brand-700 underline">
          {t("roster.apply.signInForStatus")}
        </Link>
      </p>
    </div>
  );
}

export default withClientMessages(["enums", "errors", "privacy", "roster"], ApplyPage);
