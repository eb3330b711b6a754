import type { Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { MessageItem } from "@/lib/requests/queries";

/** The conversation of a case; one's own messages on the right. Bodies are shown as typed text. */
export function MessageThread({ messages, actor, t, locale }: { messages: MessageItem[]; actor: Actor; t: Translate; locale: Locale }) {
  if (!messages.length) return <p className="text-sm text-slate-600">{t("requests.messages.empty")}</p>;
  return (
    <ul className="space-y-3" aria-label={t("requests.messages.title")}>
      {messages.map((m) => {
        const mine = m.authorUserId === actor.userId;
        return (
          <li key={m.id} className={`flex ${mine ? "justify-end" : "justify-start"}`}>
            <div className={`max-w-[85%] rounded-lg px-3 py-2 ${mine ? "bg-brand-50 text-slate-900" : "bg-slate-100 text-slate-900"}`}>
              <p className="text-xs text-slate-500">
                {mine ? t("requests.messages.you") : `${m.authorName} · ${t(`common.roles.${m.authorRole}`)}`} · {formatDateTime(m.createdAt, locale)}
              </p>
              <p className="mt-1 text-sm break-words whitespace-pre-wrap">{m.body}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
