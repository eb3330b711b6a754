import type { Metadata } from "next";
import { NotificationList } from "@/components/notifications/notification-list";
import { ActionForm } from "@/components/ui/action-form";
import { TabLinks } from "@/components/requests/tab-links";
import { Card, EmptyState, PageTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { listNotifications, unreadCount } from "@/lib/notifications/queries";
import { pageQuery } from "@/lib/validation";
import { markReadAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("notifications.inbox.title") };
}

type Props = { searchParams: Promise<{ page?: string; show?: string }> };

/** The signed-in user's notifications, newest first, with the unread count and mark-as-read. */
async function InboxPage({ searchParams }: Props) {
  const [actor, { t, locale }, raw] = await Promise.all([requireActor(), getT(), searchParams]);
  const unreadOnly = raw.show === "unread";
  const page = pageQuery.safeParse(raw).data ?? { page: 1, pageSize: 20 };
  const [list, unread] = await Promise.all([listNotifications(actor, { unreadOnly }, page), unreadCount(actor)]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle subtitle={t("notifications.inbox.subtitle")}>{t("notifications.inbox.title")}</PageTitle>
      <Card
        title={unread ? t("notifications.inbox.unread", { n: unread }) : t("notifications.inbox.allRead")}
        action={
          unread ? (
            <ActionForm action={markReadAction} hidden={{ id: "all" }} variant="secondary" submitLabel={t("notifications.inbox.markAllRead")} />
          ) : undefined
        }
      >
        <TabLinks
          label={t("notifications.inbox.title")}
          tabs={[
            { href: "/inbox", text: t("notifications.inbox.showAll"), current: !unreadOnly },
            { href: "/inbox?show=unread", text: t("notifications.inbox.showUnread"), current: unreadOnly },
          ]}
        />
        {list.items.length ? (
          <>
            <NotificationList items={list.items} t={t} locale={locale} markRead={markReadAction} />
            <Pagination list={list} basePath="/inbox" query={{ show: unreadOnly ? "unread" : undefined }} t={t} />
          </>
        ) : (
          <EmptyState>{t("notifications.inbox.empty")}</EmptyState>
        )}
      </Card>
    </div>
  );
}

export default withClientMessages(["errors"], InboxPage);
