import { RequestTable } from "@/components/requests/request-table";
import { LinkButton } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import type { Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import type { Translate } from "@/lib/i18n/translate";
import { listRequestsForActor } from "@/lib/requests/queries";

/** An enterprise's own requests, or a station's filings. */
export async function FilerHome({ actor, t, locale }: { actor: Actor; t: Translate; locale: Locale }) {
  const list = await listRequestsForActor(actor, {}, { page: 1, pageSize: 10 });
  const isStation = actor.stationId !== null;
  const copy = isStation
    ? { title: t("home.portal.station.title"), empty: t("home.portal.station.empty"), cta: t("home.portal.station.cta") }
    : { title: t("home.portal.enterprise.title"), empty: t("home.portal.enterprise.empty"), cta: t("home.portal.enterprise.cta") };
  const cta = <LinkButton href="/requests/new">{copy.cta}</LinkButton>;
  return (
    <Card title={`${copy.title} (${list.total})`} action={list.total ? cta : undefined}>
      {list.items.length ? (
        <>
          <RequestTable items={list.items} t={t} locale={locale} showEnterprise={isStation} />
          {list.total > list.items.length ? (
            <LinkButton href="/requests" variant="ghost" className="mt-3">
              {t("common.actions.viewAll")}
            </LinkButton>
          ) : null}
        </>
      ) : (
        <EmptyState action={cta}>{copy.empty}</EmptyState>
      )}
    </Card>
  );
}
