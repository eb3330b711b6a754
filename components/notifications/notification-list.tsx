import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/card";
import type { ActionResult } from "@/lib/http/server-action";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { describeNotification, notificationPath } from "@/lib/notifications/describe";
import type { NotificationItem } from "@/lib/notifications/queries";

interface Props {
  items: NotificationItem[];
  t: Translate;
  locale: Locale;
  markRead: (form: FormData) => Promise<ActionResult<unknown>>;
}

/** Notifications in words, unread ones marked, each with a link to its request (or application) and "mark as read". */
export function NotificationList({ items, t, locale, markRead }: Props) {
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((n) => {
        const { headline, details } = describeNotification(t, { kind: n.kind, data: n.data, requestTitle: n.requestTitle, caseNumber: n.caseNumber });
        const unread = !n.readAt;
        const path = notificationPath(n);
        return (
          <li key={n.id} className={`py-3 ${unread ? "" : "opacity-75"}`}>
            <div className="flex items-start gap-3">
              <span aria-hidden className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${unread ? "bg-accent-500" : "bg-transparent"}`} />
              <div className="min-w-0 flex-1 space-y-1">
                <p className={`text-sm break-words ${unread ? "font-medium text-slate-900" : "text-slate-700"}`}>
                  {unread ? (
                    <span className="mr-2 align-middle">
                      <Badge tone="warning">{t("notifications.inbox.unreadBadge")}</Badge>
                    </span>
                  ) : null}
                  {headline}
                </p>
                {details.map((line, i) => (
                  <p key={i} className="text-sm break-words whitespace-pre-wrap text-slate-600">
                    {line}
                  </p>
                ))}
                <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-500">
                  <time dateTime={new Date(n.createdAt).toISOString()}>{formatDateTime(n.createdAt, locale)}</time>
                  {path ? (
                    <Link href={path} className="text-sm text-brand-700 hover:underline">
                      {t(
                        n.kind.startsWith("duty.")
                          ? "rota.notices.open"
                          : n.kind.startsWith("booking.")
                            ? "bookings.notices.open"
                            : "notifications.inbox.open",
                      )}
                    </Link>
                  ) : null}
                  {unread ? (
                    <ActionForm
                      action={markRead}
                      hidden={{ id: n.id }}
                      variant="ghost"
                      submitLabel={t("notifications.inbox.markRead")}
                      className="inline-block [&_button]:min-h-8 [&_button]:w-auto [&_button]:px-2 [&_button]:py-1"
                    />
                  ) : null}
                </div>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
