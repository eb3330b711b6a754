import Link from "next/link";
import { TypicalCaseFigures } from "@/components/typical-cases/figures";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDate } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { PublicTypicalCase } from "@/lib/typical-cases/queries";

/** The text of a typical case in the reader's language: English when there is one, else the Chinese with a note. */
export function typicalCaseText(item: PublicTypicalCase, locale: Locale) {
  const english = locale === "en" && item.titleEn && item.storyEn;
  return english
    ? { title: item.titleEn!, story: item.storyEn!, chineseOnly: false }
    : { title: item.titleZh, story: item.storyZh, chineseOnly: locale === "en" };
}

/**
 * One published typical case in a list: its title, the start of its account, its figures. Its
 * title is one level below the list's own heading (`h2` under a page's title, `h3` in a section).
 */
export function TypicalCaseCard({
  item,
  t,
  locale,
  heading: Heading = "h3",
}: {
  item: PublicTypicalCase;
  t: Translate;
  locale: Locale;
  heading?: "h2" | "h3";
}) {
  const text = typicalCaseText(item, locale);
  return (
    <article className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5" data-testid="typical-case">
      <Heading className="text-base font-semibold text-slate-900">
        <Link href={`/typical-cases/${item.id}`} className="hover:underline" lang={text.chineseOnly ? "zh-CN" : undefined}>
          {text.title}
        </Link>
      </Heading>
      <p className="mt-1 text-xs text-slate-500">{t("typicalCases.public.publishedOn", { date: formatDate(item.publishedAt, locale) })}</p>
      {text.chineseOnly ? <p className="mt-1 text-xs text-amber-700">{t("typicalCases.public.chineseOnly")}</p> : null}
      <p className="mt-2 line-clamp-3 text-sm text-slate-700" lang={text.chineseOnly ? "zh-CN" : undefined}>
        {text.story}
      </p>
      <div className="mt-auto pt-3">
        <TypicalCaseFigures figures={item.figures} t={t} locale={locale} />
      </div>
    </article>
  );
}
