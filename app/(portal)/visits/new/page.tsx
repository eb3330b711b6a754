import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { SearchField } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { companyChoices, expertChoices } from "@/lib/visits/queries";
import { storableString } from "@/lib/validation";
import { PlanVisitForm } from "./plan-visit-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("visits.plan") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Planning a visit: find the company (an admin among its district's, an expert among those of its
 * cases and visits), then the day, the purpose and (for an admin) the expert.
 */
async function PlanVisitPage({ searchParams }: Props) {
  const [actor, { t }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  if (!allows(actor, "visit.plan")) notFound();
  const parsedQ = storableString()
    .max(100)
    .safeParse(typeof raw.q === "string" ? raw.q.trim() : "");
  const q = parsedQ.success ? parsedQ.data : "";
  const [companies, experts] = await Promise.all([companyChoices(actor, q), actor.expertId ? null : expertChoices(actor)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p>
        <Link href="/visits" className="text-sm text-brand-700 hover:underline">
          {t("visits.form.back")}
        </Link>
      </p>
      <PageTitle subtitle={t("visits.form.intro")}>{t("visits.plan")}</PageTitle>
      <Card>
        <form role="search" method="get" action="/visits/new" className="mb-5 flex flex-col gap-2 sm:flex-row sm:items-end">
          <SearchField
            id="visit-company-search"
            name="q"
            label={t("visits.form.search")}
            defaultValue={q}
            placeholder={t("visits.form.searchPlaceholder")}
            className="grow space-y-1"
          />
          <button type="submit" className={buttonClass("secondary")}>
            {t("visits.form.searchButton")}
          </button>
        </form>
        <PlanVisitForm
          key={q}
          companies={companies}
          experts={experts}
          today={todayInShanghai()}
          noCompanies={actor.expertId ? t("visits.form.noCompaniesExpert") : t("visits.form.noCompaniesAdmin")}
        />
      </Card>
    </div>
  );
}

export default withClientMessages(["errors", "visits"], PlanVisitPage);
