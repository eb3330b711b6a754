import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { typicalCaseStatusLabel } from "@/components/typical-cases/figures";
import { ActionForm } from "@/components/ui/action-form";
import { Badge, Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { formatCount, formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { formatFen } from "@/lib/money";
import { listTypicalCasesForAdmin } from "@/lib/typical-cases/queries";
import { publishTypicalCaseAction, withdrawTypicalCaseAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("typicalCases.admin.title") };
}

/** The typical cases of the admin's district: drafts to publish, published ones to withdraw (after a confirmation). */
async function TypicalCasesAdminPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  if (!allows(actor, "typicalCase.manage")) notFound();
  const items = (await listTypicalCasesForAdmin(actor)).filter((i) => i.status !== "withdrawn");
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("typicalCases.admin.subtitle")}>{t("typicalCases.admin.title")}</PageTitle>
      <Card>
        {items.length ? (
          <ul className="divide-y divide-slate-100">
            {items.map((item) => (
              <li key={item.id} className="flex flex-col gap-3 py-4 md:flex-row md:items-center md:justify-between">
                <div className="min-w-0 space-y-1">
                  <p className="font-medium text-slate-900">
                    <Link href={`/admin/typical-cases/${item.id}`} className="hover:underline">
                      {locale === "en" && item.titleEn ? item.titleEn : item.titleZh}
                    </Link>{" "}
                    <Badge tone={item.status === "published" ? "success" : "neutral"}>{typicalCaseStatusLabel(t, item.status)}</Badge>
                  </p>
                  <p className="text-sm text-slate-600">
                    {t("typicalCases.admin.caseNumber")} {item.caseNumber} · {t("typicalCases.figures.disputesResolved")}{" "}
                    {formatCount(item.disputesResolved, locale)} · {t("typicalCases.figures.recovered")} {formatFen(item.recoveredFen)} ·{" "}
                    {t("typicalCases.admin.updatedAt", { date: formatDate(item.updatedAt, locale) })}
                  </p>
                </div>
                <div className="flex shrink-0 flex-wrap gap-2">
                  {item.status === "draft" ? (
                    <ActionForm
                      action={publishTypicalCaseAction}
                      hidden={{ id: item.id }}
                      submitLabel={t("typicalCases.admin.publish")}
                      confirm={t("typicalCases.admin.publishConfirm")}
                    />
                  ) : (
                    <ActionForm
                      action={withdrawTypicalCaseAction}
                      hidden={{ id: item.id }}
                      variant="danger"
                      submitLabel={t("typicalCases.admin.withdraw")}
                      confirm={t("typicalCases.admin.withdrawConfirm")}
                    />
                  )}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t("typicalCases.admin.empty")}</EmptyState>
        )}
      </Card>
    </div>
  );
}

export default withClientMessages(["errors"], TypicalCasesAdminPage);
