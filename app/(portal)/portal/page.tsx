import type { Metadata } from "next";
import { AdminHome } from "@/components/portal/admin-home";
import { ExpertHome } from "@/components/portal/expert-home";
import { FilerHome } from "@/components/portal/filer-home";
import { PageTitle } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/authz";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("common.nav.portal") };
}

/** The signed-in home: what each role works on, from real data. */
export default async function PortalPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getT()]);
  return (
    <div>
      <PageTitle subtitle={t(`common.roles.${actor.role}`)}>{t("home.portal.welcome", { name: actor.name })}</PageTitle>
      {can(actor.role, "request.triage") ? (
        <AdminHome actor={actor} t={t} locale={locale} />
      ) : can(actor.role, "offer.answer") ? (
        <ExpertHome actor={actor} t={t} locale={locale} />
      ) : (
        <FilerHome actor={actor} t={t} locale={locale} />
      )}
    </div>
  );
}
