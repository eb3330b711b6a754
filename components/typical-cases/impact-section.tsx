import Link from "next/link";
import { TypicalCaseCard } from "@/components/typical-cases/public-card";
import { getT } from "@/lib/i18n/server";
import { cachedTypicalCases } from "@/lib/public-cache/reads";

/** The impact page's "Typical cases" section: the latest three published, and a link to all. Nothing when none is published. */
export async function ImpactTypicalCases() {
  const [{ t, locale }, { items }] = await Promise.all([getT(), cachedTypicalCases({ page: 1, pageSize: 3 })]);
  if (!items.length) return null;
  return (
    <section aria-labelledby="typical-cases" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="typical-cases" className="text-xl font-semibold">
          {t("typicalCases.impact.title")}
        </h2>
        <Link href="/typical-cases" className="text-sm text-brand-700 hover:underline">
          {t("typicalCases.impact.viewAll")}
        </Link>
      </div>
      <ul className="grid gap-4 md:grid-cols-3">
        {items.map((item) => (
          <li key={item.id}>
            <TypicalCaseCard item={item} t={t} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}
