import {
  confirmRequestAction,
  objectToOutcomeAction,
  recordReturnVisitAction,
  resolveRequestAction,
  startRequestAction,
  triageRequestAction,
  withdrawRequestAction,
} from "../actions";
import { Card } from "@/components/ui/card";
import { can, type Actor } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/catalog";
import type { Translate } from "@/lib/i18n/translate";
import { listSpecialties } from "@/lib/reference-data/queries";
import type { RequestDetail } from "@/lib/requests/queries";
import { openQueriesOf } from "@/lib/requests/confirm-request";
import { canTransition } from "@/lib/requests/state-machine";
import { ConfirmForm, ObjectForm, ResolveForm, ReturnVisitForm, StartForm, TriageForm, WithdrawForm } from "@/components/requests/case-forms";
import { ReturnVisits } from "@/components/requests/return-visits";

/**
 * The next steps the viewer can take on this request, by permission and state: triage for
 * admins, start and resolve for the assigned expert, confirm and rate for the company, return
 * visits for admins. The use cases check all of it again.
 */
export async function CaseActions({ request: r, actor, t, locale }: { request: RequestDetail; actor: Actor; t: Translate; locale?: Locale }) {
  const id = r.id;
  const isAssignedExpert = actor.expertId !== null && actor.expertId === r.assignedExpertId;
  const cards: React.ReactNode[] = [];
  if (can(actor.role, "request.triage") && r.status === "submitted") {
    cards.push(
      <Card key="triage" title={t("requests.actions.triageTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("requests.actions.triageHint")}</p>
        <TriageForm
          action={triageRequestAction}
          requestId={id}
          classification={{
            category: r.category,
            specialties: r.specialties.map((s) => s.code),
            options: (await listSpecialties()).map((s) => ({ code: s.code, name: locale === "en" ? s.nameEn : s.nameZh })),
          }}
        />
      </Card>,
    );
  }
  if (can(actor.role, "request.resolve") && isAssignedExpert && canTransition(r.status, "start")) {
    cards.push(
      <Card key="start" title={t("requests.actions.startTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("requests.actions.startHint")}</p>
        <StartForm action={startRequestAction} requestId={id} />
      </Card>,
    );
  }
  if (can(actor.role, "request.resolve") && isAssignedExpert && canTransition(r.status, "resolve")) {
    cards.push(
      <Card key="resolve" title={t("requests.actions.resolveTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("requests.actions.resolveHint")}</p>
        <ResolveForm action={resolveRequestAction} requestId={id} />
      </Card>,
    );
  }
  if (can(actor.role, "request.returnVisit") && r.status === "closed") {
    cards.push(
      <Card key="visit" title={t("requests.actions.returnVisitTitle")}>
        <div className="space-y-5">
          <ReturnVisits actor={actor} requestId={id} t={t} />
          <p className="text-sm text-slate-600">{t("requests.actions.returnVisitHint")}</p>
          <ReturnVisitForm action={recordReturnVisitAction} requestId={id} today={todayInShanghai()} />
        </div>
      </Card>,
    );
  }
  return cards.length ? <div className="space-y-4">{cards}</div> : null;
}

/**
 * The company's answer to a resolved case, placed after the outcome and the ledger so that it is
 * read first: confirm and rate (closing anyway while a payment is queried is a choice it ticks), or
 * object with a reason. The use cases check all of it again.
 */
export async function ClosingActions({ request: r, actor, t }: { request: RequestDetail; actor: Actor; t: Translate }) {
  if (!can(actor.role, "request.confirm") || actor.enterpriseId !== r.enterpriseId || r.status !== "resolved") return null;
  const openQueries = await openQueriesOf(actor, r.id);
  return (
    <div className="space-y-4" id="closing">
      <Card title={t("requests.actions.confirmTitle")}>
        <p className="mb-3 text-sm text-slate-600">
          {t("requests.actions.confirmHint")} {t("requests.actions.confirmAfterResult")}
        </p>
        <ConfirmForm action={confirmRequestAction} requestId={r.id} openQueries={openQueries} />
      </Card>
      <Card title={t("requests.actions.objectTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("requests.actions.objectHint")}</p>
        <ObjectForm action={objectToOutcomeAction} requestId={r.id} />
      </Card>
    </div>
  );
}

/** Withdrawing, for the filer before an expert accepts: tucked away at the end, and confirmed. */
export function WithdrawAction({ request: r, actor, t }: { request: RequestDetail; actor: Actor; t: Translate }) {
  if (!can(actor.role, "request.withdraw") || !canTransition(r.status, "withdraw")) return null;
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer text-sm font-medium text-red-800">{t("requests.actions.withdrawTitle")}</summary>
      <div className="mt-3">
        <WithdrawForm action={withdrawRequestAction} requestId={r.id} />
      </div>
    </details>
  );
}
