import { FigureList } from "@/components/ui/figures";
import type { Locale } from "@/lib/i18n/catalog";
import { formatCount } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { formatFen } from "@/lib/money";

/** A typical case's figures (from the ledger): disputes resolved and money recovered. */
export function TypicalCaseFigures({
  figures,
  t,
  locale,
}: {
  figures: { disputesResolved: number; recoveredFen: bigint };
  t: Translate;
  locale: Locale;
}) {
  return (
    <FigureList
      figures={[
        {
          label: t("typicalCases.figures.disputesResolved"),
          value: t("typicalCases.figures.disputesResolvedValue", { n: formatCount(figures.disputesResolved, locale) }),
        },
        { label: t("typicalCases.figures.recovered"), value: formatFen(figures.recoveredFen), strong: true },
      ]}
    />
  );
}

/** The label of a typical case's status. */
export function typicalCaseStatusLabel(t: Translate, status: "draft" | "published" | "withdrawn"): string {
  const labels = {
    draft: t("typicalCases.admin.status.draft"),
    published: t("typicalCases.admin.status.published"),
    withdrawn: t("typicalCases.admin.status.withdrawn"),
  };
  return labels[status];
}
