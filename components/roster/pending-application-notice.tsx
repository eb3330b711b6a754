import { LinkButton } from "@/components/ui/button";
import type { Actor } from "@/lib/authz";
import type { Translate } from "@/lib/i18n/translate";
import { listOwnApplications } from "@/lib/roster/queries/applications";

/** On the expert's home: their application under review (joining, or a change of name/licence). */
export async function PendingApplicationNotice({ actor, t }: { actor: Actor; t: Translate }) {
  const pending = (await listOwnApplications(actor)).find((a) => a.status === "pending");
  if (!pending) return null;
  return (
    <div
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4"
      data-testid="pending-application"
    >
      <div>
        <p className="font-semibold text-brand-900">{pending.kind === "join" ? t("roster.status.card") : t("roster.kinds.change")}</p>
        <p className="text-sm text-brand-800">{t("roster.status.cardBody", { done: pending.done.length, total: pending.needed.length })}</p>
      </div>
      <LinkButton href="/apply/status" variant="secondary">
        {t("roster.status.view")}
      </LinkButton>
    </div>
  );
}
