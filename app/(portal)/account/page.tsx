import type { Metadata } from "next";
import { CalendarFeedBox } from "@/components/calendar/calendar-feed-box";
import { LinkButton } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { accountSettings } from "@/lib/accounts/account-settings";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { getMyCalendarFeed } from "@/lib/calendar/feeds";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { AccountForm } from "./account-form";
import { resetCalendarFeedAction } from "./calendar-actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("accounts.settings.title") };
}

/**
 * Every signed-in user: their own name, phone and e-mail preferences, and the way to a new password;
 * experts and station staff also their calendar feed (a station's staff share the station's).
 */
async function AccountPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getT()]);
  const [settings, feed] = await Promise.all([accountSettings(actor), allows(actor, "calendar.feed") ? getMyCalendarFeed(actor) : null]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageTitle subtitle={t("accounts.settings.intro")}>{t("accounts.settings.title")}</PageTitle>
      <Card>
        <AccountForm settings={settings} />
      </Card>
      <Card title={t("accounts.settings.password")}>
        <p className="mb-3 text-sm text-slate-600">{t("accounts.settings.passwordHint")}</p>
        <LinkButton href="/account/password" variant="secondary">
          {t("accounts.settings.passwordLink")}
        </LinkButton>
      </Card>
      {feed ? <CalendarFeedBox url={feed.url} owner={actor.stationId ? "station" : "expert"} resetAction={resetCalendarFeedAction} /> : null}
    </div>
  );
}

export default withClientMessages(["accounts", "calendar", "errors"], AccountPage);
