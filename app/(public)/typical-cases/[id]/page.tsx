import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TypicalCaseFigures } from "@/components/typical-cases/figures";
import { typicalCaseText } from "@/components/typical-cases/public-card";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { getPublishedTypicalCase } from "@/lib/typical-cases/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ t, locale }, { id }] = await Promise.all([getT(), params]);
  const item = await getPublishedTypicalCase(id);
  return { title: item ? typicalCaseText(item, locale).title : t("typicalCases.public.title") };
}

/** Public: one published typical case, in English when it has an English text, with its figures. */
export default async function TypicalCasePage({ params }: Props) {
  const [{ t, locale }, { id }] = await Promise.all([getT(), params]);
  const item = await getPublishedTypicalCase(id);
  if (!item) notFound();
  const text = typicalCaseText(item, locale);
  const lang = text.chineseOnly ? "zh-CN" : undefined;
  return (
    <div className="space-y-6">
      <Link href="/typical-cases" className="text-sm text-brand-700 hover:underline">
        ← {t("typicalCases.public.back")}
      </Link>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <article className="space-y-3">
          <h1 className="text-2xl font-bold break-words text-slate-900 sm:text-3xl" lang={lang}>
            {text.title}
          </h1>
          <p className="text-sm text-slate-500">{t("typicalCases.public.publishedOn", { date: formatDate(item.publishedAt, locale) })}</p>
          {text.chineseOnly ? (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("typicalCases.public.chineseOnly")}</p>
          ) : null}
          <div className="whitespace-pre-line text-slate-800" lang={lang}>
            {text.story}
          </div>
        </article>
        <Card title={t("typicalCases.public.figuresTitle")}>
          <div data-testid="typical-case-figures">
            <TypicalCaseFigures figures={item.figures} t={t} locale={locale} />
          </div>
        </Card>
      </div>
    </div>
  );
}
