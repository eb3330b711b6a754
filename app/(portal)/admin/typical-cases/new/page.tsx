import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { TypicalCaseFigures } from "@/components/typical-cases/figures";
import { TypicalCaseForm } from "@/components/typical-cases/typical-case-form";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { getDraftContext } from "@/lib/typical-cases/queries";
import { draftTypicalCaseAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("typicalCases.form.newTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Drafting a typical case from a closed request: the text with its anonymisation check, the figures read-only. */
async function NewTypicalCasePage({ searchParams }: Props) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!allows(actor, "typicalCase.manage")) notFound();
  const requestId = typeof raw.requestId === "string" ? raw.requestId : "";
  const context = await getDraftContext(actor, requestId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  if (context.live) redirect(`/admin/typical-cases/${context.live.id}`);
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t("typicalCases.form.fromCase", { caseNumber: context.request.caseNumber })}>{t("typicalCases.form.newTitle")}</PageTitle>
      {context.request.status !== "closed" ? (
        <EmptyState action={<Link href={`/requests/${context.request.id}`}>{context.request.caseNumber}</Link>}>
          {t("typicalCases.errors.notClosed")}
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <Card>
            <TypicalCaseForm
              action={draftTypicalCaseAction}
              hidden={{ requestId: context.request.id }}
              initial={{ titleZh: "", titleEn: "", storyZh: "", storyEn: "", companyConsent: false }}
              facts={context.facts}
              submitLabel={t("typicalCases.form.create")}
              goToBase="/admin/typical-cases/"
            />
          </Card>
          <Card title={t("typicalCases.form.figuresTitle")}>
            <div data-testid="typical-case-figures">
              <TypicalCaseFigures figures={context.figures} t={t} locale={locale} />
            </div>
            <p className="mt-3 text-sm text-slate-600">{t("typicalCases.form.figuresHint")}</p>
          </Card>
        </div>
      )}
    </div>
  );
}

export default withClientMessages(["errors", "typicalCases"], NewTypicalCasePage);
