import { LinkButton } from "@/components/ui/button";
import { can, type Actor } from "@/lib/authz";
import type { Translate } from "@/lib/i18n/translate";
import { AUTO_CLOSE_DAYS } from "@/lib/requests/auto-close";
import type { RequestDetail } from "@/lib/requests/queries";

/** What the status means for the reader, when it needs saying: returned, rejected, withdrawn, awaiting confirmation. */
export function StatusBanner({ request: r, actor, t }: { request: RequestDetail; actor: Actor; t: Translate }) {
  const box = (tone: "amber" | "red" | "slate" | "emerald", children: React.ReactNode) => {
    const colors = {
      amber: "border-amber-300 bg-amber-50 text-amber-900",
      red: "border-red-200 bg-red-50 text-red-900",
      slate: "border-slate-200 bg-slate-50 text-slate-800",
      emerald: "border-emerald-200 bg-emerald-50 text-emerald-900",
    };
    return <div className={`rounded-lg border p-4 text-sm ${colors[tone]}`}>{children}</div>;
  };
  switch (r.status) {
    case "returned":
      return box(
        "amber",
        <div className="space-y-3">
          <p className="font-medium">{t("requests.detail.returnedBanner")}</p>
          {r.statusReason ? <p className="whitespace-pre-wrap">{r.statusReason}</p> : null}
          {can(actor.role, "request.amend") ? <LinkButton href={`/requests/${r.id}/amend`}>{t("requests.actions.amendTitle")}</LinkButton> : null}
        </div>,
      );
    case "rejected":
      return box(
        "red",
        <div className="space-y-1">
          <p className="font-medium">{t("requests.detail.rejectedBanner")}</p>
          {r.statusReason ? <p className="whitespace-pre-wrap">{r.statusReason}</p> : null}
          {r.referral ? <p className="font-medium">{t("requests.detail.referral", { referral: r.referral })}</p> : null}
        </div>,
      );
    case "withdrawn":
      return box("slate", <p>{t("requests.detail.withdrawnBanner")}</p>);
    case "resolved":
      return box("emerald", <p>{t("requests.detail.autoCloseNote", { days: AUTO_CLOSE_DAYS })}</p>);
    default:
      return null;
  }
}
