import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { findRegion } from "@/lib/reference-data/queries";
import { importColumns } from "@/lib/roster/import/columns";
import { ImportPanel } from "./import-panel";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("roster.import.title") };
}

/** Bulk import of the society's existing roster: upload, preview with per-row problems, import. */
async function ImportPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  if (!can(actor.role, "expert.import")) notFound();
  // An admin of one district imports that district's experts (lib/roster/import/preview.ts): say so before the upload.
  const district = actor.regionScope ? await findRegion(actor.regionScope) : null;
  const districtName = district ? (locale === "en" ? district.nameEn : district.nameZh) : actor.regionScope;
  // The template's header row, in the reader's language (both languages are recognised on upload).
  const templateHeader = importColumns.map((c) => t(`roster.fields.${c.key}`)).join(",");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/experts" className="text-sm text-brand-700 underline">
          ← {t("roster.import.back")}
        </Link>
      </p>
      <PageTitle subtitle={t("roster.import.intro")}>{t("roster.import.title")}</PageTitle>
      {districtName ? (
        <p role="note" className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm text-brand-900">
          {t("roster.import.districtOnly", { district: districtName })}
        </p>
      ) : null}
      <Card>
        <ImportPanel template={`${templateHeader}\n${t("roster.import.templateExample")}\n`} />
      </Card>
      <Card title={t("roster.import.columnsTitle")}>
        <p className="text-sm text-slate-700">{t("roster.import.columnsIntro")}</p>
      </Card>
    </div>
  );
}

export default withClientMessages(["errors", "roster"], ImportPage);
