import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Badge, Card, PageTitle } from "@/components/ui/card";
import { FindingRequestButton } from "@/components/visits/finding-request-button";
import { FindingsForm } from "@/components/visits/findings-form";
import { ReasonForm } from "@/components/visits/reason-form";
import { VisitStatusBadge } from "@/components/visits/visit-status-badge";
import { requireActor } from "@/lib/auth/current";
import { allows } from "@/lib/authz";
import { todayInShanghai } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/i18n/format";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { getVisit, type VisitDetail } from "@/lib/visits/queries";
import { cancelVisitAction, confirmVisitAction, declineVisitAction, findingRequestAction, recordFindingsAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const actor = await requireActor();
  if (!allows(actor, "visit.read")) notFound();
  try {
    return { actor, visit: await getVisit(actor, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ t }, { id }] = await Promise.all([getT(), params]);
  const actor = await requireActor();
  const visit = allows(actor, "visit.read") ? await getVisit(actor, id).catch(() => null) : null;
  return { title: visit ? `${t("visits.title")} · ${visit.enterpriseName}` : t("visits.title") };
}

/**
 * One visit to a company: what was agreed, and the next step for whoever looks at it: the company
 * confirms or declines; the expert (or an admin) cancels; from the day on, the expert records the
 * findings; a finding that needs work becomes a request (an admin of the district, or the company).
 */
async function VisitPage({ params }: Props) {
  const [{ t, locale }, { id }] = await Promise.all([getT(), params]);
  const { actor, visit } = await load(id);
  const today = todayInShanghai();
  const open = visit.status === "proposed" || visit.status === "confirmed";
  const dayCome = visit.visitOn <= today;
  const isCompany = allows(actor, "visit.answer");
  const mayRecord = allows(actor, "visit.record") && visit.status === "confirmed";
  const mayRequest = allows(actor, "request.create");
  const hidden = { visitId: visit.id };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href="/visits" className="text-sm text-brand-700 hover:underline">
          {t("visits.detail.back")}
        </Link>
      </p>
      <PageTitle>
        <span className="break-words">{visit.enterpriseName}</span> <VisitStatusBadge status={visit.status} t={t} />
      </PageTitle>
      <Card>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-600">{t("visits.detail.date")}</dt>
          <dd className="font-medium text-slate-900">{formatDate(visit.visitOn, locale)}</dd>
          <dt className="text-slate-600">{t("visits.detail.company")}</dt>
          <dd className="break-words">{visit.enterpriseName}</dd>
          <dt className="text-slate-600">{t("visits.detail.expert")}</dt>
          <dd>{visit.expertName}</dd>
          <dt className="text-slate-600">{t("visits.detail.purpose")}</dt>
          <dd className="break-words whitespace-pre-wrap">{visit.purpose}</dd>
          <dt className="text-slate-600">{t("visits.detail.plannedBy")}</dt>
          <dd>{visit.plannedByName}</dd>
          {visit.reason && (visit.status === "declined" || visit.status === "cancelled") ? (
            <>
              <dt className="text-slate-600">
                {visit.status === "declined" ? t("visits.detail.declinedReason") : t("visits.detail.cancelledReason")}
              </dt>
              <dd className="break-words whitespace-pre-wrap">{visit.reason}</dd>
            </>
          ) : null}
        </dl>
        {visit.status === "proposed" && !isCompany ? (
          <p className="mt-4 text-sm text-slate-600">{visit.visitOn < today ? t("visits.detail.dayPassed") : t("visits.detail.waitingCompany")}</p>
        ) : null}
      </Card>

      {isCompany && open && visit.visitOn >= today ? (
        <Card title={visit.status === "proposed" ? t("visits.detail.answerTitle") : undefined}>
          <div className="space-y-3">
            {visit.status === "proposed" ? (
              <p className="text-sm text-slate-600">{t("visits.detail.answerHint")}</p>
            ) : (
              <p className="text-sm text-slate-600">
                <span className="font-medium text-emerald-800">{t("visits.detail.confirmDone")}</span> {t("visits.detail.declineChange")}
              </p>
            )}
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
              {visit.status === "proposed" ? (
                <ActionForm
                  action={confirmVisitAction}
                  hidden={hidden}
                  submitLabel={t("visits.detail.confirm")}
                  success={t("visits.detail.confirmDone")}
                />
              ) : null}
              <ReasonForm
                action={declineVisitAction}
                hidden={hidden}
                openLabel={t("visits.detail.decline")}
                title={t("visits.detail.declineTitle")}
                reasonLabel={t("visits.detail.declineReason")}
                submitLabel={t("visits.detail.declineSubmit")}
                confirm={t("visits.detail.declineConfirm")}
                variant="danger"
              />
            </div>
          </div>
        </Card>
      ) : null}

      {mayRecord ? (
        <Card title={t("visits.detail.recordTitle")}>
          {dayCome ? (
            <>
              <p className="mb-4 text-sm text-slate-600">{t("visits.detail.recordHint")}</p>
              <FindingsForm visitId={visit.id} action={recordFindingsAction} />
            </>
          ) : (
            <p className="text-sm text-slate-600">{t("visits.detail.recordNotYet")}</p>
          )}
        </Card>
      ) : null}

      {visit.status === "done" ? <Findings visit={visit} t={t} requestAction={mayRequest ? findingRequestAction : null} /> : null}

      {allows(actor, "visit.plan") && open ? (
        <ReasonForm
          action={cancelVisitAction}
          hidden={hidden}
          openLabel={t("visits.detail.cancel")}
          title={t("visits.detail.cancelTitle")}
          reasonLabel={t("visits.detail.cancelReason")}
          submitLabel={t("visits.detail.cancelSubmit")}
          confirm={t("visits.detail.cancelConfirm")}
          variant="danger"
        />
      ) : null}
    </div>
  );
}

export default withClientMessages(["errors", "visits"], VisitPage);

/** The summary and the findings of a done visit; a finding that needs work offers to become a request. */
function Findings({ visit, t, requestAction }: { visit: VisitDetail; t: Translate; requestAction: typeof findingRequestAction | null }) {
  return (
    <Card title={t("visits.detail.findingsTitle")}>
      {visit.summary ? <p className="mb-4 text-sm break-words whitespace-pre-wrap text-slate-800">{visit.summary}</p> : null}
      {visit.findings.length ? (
        <ol className="space-y-3">
          {visit.findings.map((f, index) => (
            <li key={f.id} className={`rounded-md border p-3 text-sm ${f.needsWork ? "border-amber-200 bg-amber-50/50" : "border-slate-200"}`}>
              <div className="mb-1 flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{t("visits.detail.findingN", { n: index + 1 })}</span>
                {f.needsWork ? <Badge tone="warning">{t("visits.detail.needsWorkBadge")}</Badge> : null}
              </div>
              <p className="break-words whitespace-pre-wrap text-slate-800">{f.finding}</p>
              {f.recommendation ? (
                <p className="mt-2 break-words whitespace-pre-wrap text-slate-700">
                  {t("visits.detail.recommendationIs", { text: f.recommendation })}
                </p>
              ) : null}
              {f.requested ? (
                <p className="mt-2 text-slate-700">
                  {f.requestId && f.caseNumber ? (
                    <Link href={`/requests/${f.requestId}`} className="font-mono text-brand-700 underline-offset-2 hover:underline">
                      {t("visits.detail.requestedAs", { caseNumber: f.caseNumber })}
                    </Link>
                  ) : (
                    t("visits.detail.requested")
                  )}
                </p>
              ) : f.needsWork && requestAction ? (
                <div className="mt-3">
                  <FindingRequestButton action={requestAction} findingId={f.id} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">{t("visits.detail.noFindings")}</p>
      )}
    </Card>
  );
}
