import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TypicalCaseFigures, typicalCaseStatusLabel } from "@/components/typical-cases/figures";
import { TypicalCaseForm } from "@/components/typical-cases/typical-case-form";
import { ActionForm } from "@/components/ui/action-form";
import { Badge, Card, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { getTypicalCaseForAdmin } from "@/lib/typical-cases/queries";
import { publishTypicalCaseAction, updateTypicalCaseAction, withdrawTypicalCaseAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("typicalCases.form.editTitle") };
}

type Props = { params: Promise<{ id: string }> };

/** A typical case for an admin: a draft is edited (with its anonymisation check) and published; a published one withdrawn. */
async function TypicalCasePage({ params }: Props) {
  const [actor, { t, locale }, { id }] = await Promise.all([requireActor(), getT(), params]);
  if (!allows(actor, "typicalCase.manage")) notFound();
  const item = await getTypicalCaseForAdmin(actor, id);
  if (!item) notFound();
  const isDraft = item.status === "draft";
  return (
    <div className="space-y-6">
      <PageTitle
        subtitle={
          <>
            <Link href={`/requests/${item.requestId}`} className="underline">
              {t("typicalCases.form.fromCase", { caseNumber: item.caseNumber })}
            </Link>{" "}
            <Badge tone={item.status === "published" ? "success" : "neutral"}>{typicalCaseStatusLabel(t, item.status)}</Badge>
          </>
        }
      >
        {isDraft ? t("typicalCases.form.editTitle") : item.titleZh}
      </PageTitle>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          {isDraft ? (
            <TypicalCaseForm
              action={updateTypicalCaseAction}
              hidden={{ id: item.id }}
              initial={{
                titleZh: item.titleZh,
                titleEn: item.titleEn ?? "",
                storyZh: item.storyZh,
                storyEn: item.storyEn ?? "",
                companyConsent: item.companyConsent,
              }}
              facts={item.facts}
              submitLabel={t("typicalCases.form.save")}
              success={t("typicalCases.form.saved")}
            />
          ) : (
            <div className="space-y-3 text-sm">
              <p className="whitespace-pre-line">{item.storyZh}</p>
              {item.titleEn ? <h2 className="pt-3 font-semibold">{item.titleEn}</h2> : null}
              {item.storyEn ? <p className="whitespace-pre-line">{item.storyEn}</p> : null}
            </div>
          )}
        </Card>
        <div className="space-y-6">
          <Card title={t("typicalCases.form.figuresTitle")}>
            <div data-testid="typical-case-figures">
              <TypicalCaseFigures figures={item} t={t} locale={locale} />
            </div>
            <p className="mt-3 text-sm text-slate-600">{t("typicalCases.form.figuresHint")}</p>
            {item.companyConsent && item.consentRecordedAt ? (
              <p className="mt-3 text-sm text-slate-700">
                {t("typicalCases.form.consentRecorded", { date: formatDateTime(item.consentRecordedAt, locale) })}
              </p>
            ) : null}
          </Card>
          {isDraft ? (
            <Card>
              <div className="space-y-3">
                <ActionForm
                  action={publishTypicalCaseAction}
                  hidden={{ id: item.id }}
                  submitLabel={t("typicalCases.admin.publish")}
                  confirm={t("typicalCases.admin.publishConfirm")}
                />
                <ActionForm
                  action={withdrawTypicalCaseAction}
                  hidden={{ id: item.id }}
                  variant="secondary"
                  submitLabel={t("typicalCases.admin.discard")}
                  confirm={t("typicalCases.admin.discardConfirm")}
                />
              </div>
            </Card>
          ) : item.status === "published" ? (
            <Card>
              <p className="mb-3 text-sm">
                <Link href={`/typical-cases/${item.id}`} className="underline">
                  {t("typicalCases.admin.view")}
                </Link>
              </p>
              <ActionForm
                action={withdrawTypicalCaseAction}
                hidden={{ id: item.id }}
                variant="danger"
                submitLabel={t("typicalCases.admin.withdraw")}
                confirm={t("typicalCases.admin.withdrawConfirm")}
              />
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export default withClientMessages(["errors", "typicalCases"], TypicalCasePage);
