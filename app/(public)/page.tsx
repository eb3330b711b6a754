import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { formatFen } from "@/lib/money";
import { cachedPublicStats } from "@/lib/public-cache/reads";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [{ t, locale }, stats] = await Promise.all([getT(), cachedPublicStats()]);
  const figures = [
    { label: t("home.figures.expertsActive"), value: formatCount(stats.expertsActive, locale) },
    { label: t("home.figures.requestsFiled"), value: formatCount(stats.requestsFiled, locale) },
    { label: t("home.figures.requestsResolved"), value: formatCount(stats.requestsResolved, locale) },
    { label: t("home.figures.disputesResolved"), value: formatCount(stats.disputesResolved, locale) },
    { label: t("home.figures.recovered"), value: formatFen(stats.recoveredFen), wide: true },
  ];
  const steps = [t("home.how.step1"), t("home.how.step2"), t("home.how.step3"), t("home.how.step4")];
  return (
    <div className="space-y-10">
      <section className="rounded-xl bg-gradient-to-br from-brand-800 to-brand-600 px-6 py-10 text-white sm:px-10 sm:py-14">
        <p className="text-sm text-white/80">
          {t("common.societyName")} · {t("common.zoneName")}
        </p>
        <h1 className="mt-3 max-w-3xl text-2xl leading-snug font-bold sm:text-4xl">{t("home.hero.title")}</h1>
        <p className="mt-4 max-w-3xl text-base text-white/90 sm:text-lg">{t("home.hero.body")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <LinkButton href="/requests/new" variant="accent">
            {t("home.hero.ask")}
          </LinkButton>
          <LinkButton href="/experts" variant="secondary">
            {t("home.hero.browse")}
          </LinkButton>
        </div>
      </section>

      <section aria-labelledby="figures">
        <h2 id="figures" className="mb-4 text-xl font-semibold">
          {t("home.figures.title")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {figures.map((f) => (
            <div
              key={f.label}
              className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${"wide" in f ? "col-span-2 sm:col-span-1" : ""}`}
            >
              <dt className="text-sm text-slate-600">{f.label}</dt>
              <dd className="mt-1 text-xl font-bold whitespace-nowrap text-brand-800 tabular-nums sm:text-lg xl:text-xl">{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("home.how.title")}>
          <ol className="space-y-3">
            {steps.map((step, i) => (
              <li key={step} className="flex gap-3">
                <span className="grid h-7 w-7 shrink-0 place-items-center rounded-full bg-brand-100 text-sm font-bold text-brand-800">{i + 1}</span>
                <span className="text-slate-700">{step}</span>
              </li>
            ))}
          </ol>
        </Card>
        <Card title={t("home.forExperts.title")}>
          <p className="text-slate-700">{t("home.forExperts.body")}</p>
          <LinkButton href="/apply" variant="secondary" className="mt-4">
            {t("home.forExperts.cta")}
          </LinkButton>
        </Card>
      </div>
    </div>
  );
}
