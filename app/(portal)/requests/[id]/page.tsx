import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CaseHoursPanel } from "@/components/case-hours/case-hours-panel";
import { DisputesPanel } from "@/components/disputes/disputes-panel";
import { AttachmentList } from "@/components/requests/attachment-list";
import { AttachmentUpload } from "@/components/requests/attachment-upload";
import { MessageForm } from "@/components/requests/case-forms";
import { MessageThread } from "@/components/requests/message-thread";
import { RequestFacts } from "@/components/requests/request-facts";
import { StatusBanner } from "@/components/requests/status-banner";
import { SectionLinks } from "@/components/requests/section-links";
import { TypicalCaseOnCase } from "@/components/typical-cases/on-case";
import { RequestStatusBadge } from "@/components/requests/status-badge";
import { RequestStory } from "@/components/requests/request-story";
import { Timeline } from "@/components/requests/timeline";
import { UploadFailures } from "@/components/requests/upload-failures";
import { PanelCard } from "@/components/panels/panel-card";
import { ReferralCard } from "@/components/referrals/referral-card";
import { RoutingPanel } from "@/components/routing/routing-panel";
import { candidatesShownParam } from "@/lib/routing/schemas";
import { inviteSearchParam } from "@/lib/panels/schemas";
import { Badge, Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/field";
import { requireActor } from "@/lib/auth/current";
import { allows, can } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { withClientMessages } from "@/lib/i18n/client-messages";
import { getT } from "@/lib/i18n/server";
import { ACCEPT_ATTRIBUTE } from "@/lib/requests/attachment-type";
import { getRequestDetail, listAttachments, listMessages } from "@/lib/requests/queries";
import { mayPrintReceipt } from "@/lib/requests/receipt";
import { reassignCaseAction, routeRequestAction, skipExpertAction, withdrawOfferAction } from "../../admin/routing/actions";
import {
  bulkUpdateDisputesAction,
  createDisputeAction,
  createDisputesAction,
  recordRecoveryAction,
  respondRecoveryAction,
  reverseRecoveryAction,
  updateDisputeAction,
} from "../../disputes/actions";
import { recordCaseHoursAction } from "../../case-hours/actions";
import { acceptOfferAction, declineOfferAction } from "../../offers/actions";
import { postMessageAction } from "../actions";
import {
  acceptPanelInvitationAction,
  addCaseNoteAction,
  declinePanelInvitationAction,
  invitePanelMemberAction,
  recordPanelOpinionAction,
  removePanelMemberAction,
} from "../panel-actions";
import { CaseActions, ClosingActions, WithdrawAction } from "./case-actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ filed?: string; accepted?: string; candidates?: string; invite?: string }> };

// Metadata and page read the same request once per render.
const detail = cache(getRequestDetail);

/** The request, or Next's 404 page when the actor may not see it. */
async function load(id: string) {
  const actor = await requireActor();
  try {
    return { actor, request: await detail(actor, id) };
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getT();
  const actor = await requireActor();
  const request = await detail(actor, (await params).id).catch(() => null);
  return { title: request?.title ?? t("requests.list.titleOther") };
}

/** One request: where it stands, what happened, the conversation and files, and what the viewer can do next. */
const routingActions = {
  routeRequest: routeRequestAction,
  skipExpert: skipExpertAction,
  withdrawOffer: withdrawOfferAction,
  reassignCase: reassignCaseAction,
  acceptOffer: acceptOfferAction,
  declineOffer: declineOfferAction,
};
const disputeActions = {
  createDispute: createDisputeAction,
  createDisputes: createDisputesAction,
  updateDispute: updateDisputeAction,
  bulkUpdateDisputes: bulkUpdateDisputesAction,
  recordRecovery: recordRecoveryAction,
  reverseRecovery: reverseRecoveryAction,
  respondRecovery: respondRecoveryAction,
};
const panelActions = {
  invite: invitePanelMemberAction,
  accept: acceptPanelInvitationAction,
  decline: declinePanelInvitationAction,
  remove: removePanelMemberAction,
  addNote: addCaseNoteAction,
  recordOpinion: recordPanelOpinionAction,
};

async function RequestPage({ params, searchParams }: Props) {
  const [{ id }, { filed, accepted, candidates, invite }, { t, locale }] = await Promise.all([params, searchParams, getT()]);
  const { actor, request } = await load(id);
  const [messages, files] = request.isReader ? await Promise.all([listMessages(actor, id), listAttachments(actor, id)]) : [[], []];
  const isFinal = ["closed", "withdrawn", "rejected"].includes(request.status);
  const receipt = mayPrintReceipt(actor, request);
  const sections = (["overview", "story", "routing", "disputes", "messages", "attachments", "timeline"] as const).map((id) => ({
    id,
    label: t(`requests.detail.sections.${id}`),
  }));
  const backHref = can(actor.role, "request.triage") ? "/admin/requests" : can(actor.role, "request.create") ? "/requests" : "/cases";

  return (
    <div className="space-y-6">
      <div>
        <Link href={backHref} className="text-sm text-brand-700 hover:underline">
          ← {t("requests.detail.back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-start gap-2">
          <h1 className="text-2xl font-bold break-words text-slate-900 sm:text-3xl">{request.title}</h1>
          <div className="flex gap-1.5 pt-1.5">
            <RequestStatusBadge status={request.status} t={t} />
            {request.urgency === "urgent" ? <Badge tone="danger">{t("enums.urgency.urgent")}</Badge> : null}
            {request.needsAttention ? <Badge tone="warning">{t("requests.admin.needsAttention")}</Badge> : null}
          </div>
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
          <span data-testid="case-number" className="font-mono">
            {t("requests.detail.caseNumber", { caseNumber: request.caseNumber })}
          </span>
          {receipt ? (
            <Link href={`/requests/${request.id}/receipt`} className="text-brand-700 hover:underline">
              {t("requests.detail.receipt")}
            </Link>
          ) : null}
          <TypicalCaseOnCase actor={actor} request={request} t={t} />
        </div>
      </div>
      {filed ? (
        <div
          role="status"
          data-testid="filed-notice"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          <p>{t(receipt ? "requests.new.doneStation" : "requests.new.done", { caseNumber: request.caseNumber })}</p>
          {receipt ? (
            <Link href={`/requests/${request.id}/receipt`} className="mt-1 inline-block font-medium text-brand-700 underline">
              {t("requests.detail.receipt")}
            </Link>
          ) : null}
        </div>
      ) : null}
      {filed ? <UploadFailures requestId={request.id} /> : null}
      {accepted && request.status === "accepted" ? <FormAlert tone="success" message={t("routing.offer.accepted")} /> : null}
      <StatusBanner request={request} actor={actor} t={t} />

      <SectionLinks label={t("requests.detail.sections.label")} sections={sections} />

      {/* On a phone one column in reading order (the order-* classes); on a desktop the work on the left,
          the particulars, files and timeline beside it. */}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-3 lg:items-start">
        <div className="contents lg:col-span-2 lg:block lg:space-y-6">
          <div className="order-1 space-y-6 empty:hidden">
            <CaseActions request={request} actor={actor} t={t} locale={locale} />
          </div>
          <Card id="story" title={t("requests.detail.story")} className="order-3">
            <RequestStory request={request} t={t} />
          </Card>
          <div id="routing" className="order-4 scroll-mt-16 empty:hidden lg:scroll-mt-4">
            <RoutingPanel
              requestId={request.id}
              actor={actor}
              t={t}
              locale={locale}
              actions={routingActions}
              shown={candidatesShownParam.parse(candidates)}
            />
          </div>
          <div id="disputes" className="order-5 scroll-mt-16 empty:hidden lg:scroll-mt-4">
            <DisputesPanel requestId={request.id} actor={actor} t={t} locale={locale} actions={disputeActions} />
          </div>
          <div className="order-5 empty:hidden">
            <PanelCard
              requestId={request.id}
              actor={actor}
              t={t}
              locale={locale}
              actions={panelActions}
              inviteSearch={inviteSearchParam.parse(invite)}
            />
          </div>
          <div className="order-5 empty:hidden">
            <CaseHoursPanel request={request} actor={actor} t={t} locale={locale} action={recordCaseHoursAction} />
          </div>
          {/* after the outcome (in the story) and the money: the company reads them before it closes */}
          <div className="order-6 space-y-6 empty:hidden">
            <ClosingActions request={request} actor={actor} t={t} />
          </div>
          <Card id="messages" title={t("requests.messages.title")} className="order-7">
            {request.isReader ? (
              <div className="space-y-4">
                <MessageThread messages={messages} actor={actor} t={t} locale={locale} />
                {!isFinal ? <MessageForm action={postMessageAction} requestId={request.id} /> : null}
              </div>
            ) : (
              <p className="text-sm text-slate-600">{t("requests.messages.hidden")}</p>
            )}
          </Card>
          <div className="order-9 empty:hidden">
            <WithdrawAction request={request} actor={actor} t={t} />
          </div>
        </div>
        <div className="contents lg:block lg:space-y-6">
          <Card id="overview" title={t("requests.detail.overview")} className="order-2">
            <RequestFacts request={request} t={t} locale={locale} />
          </Card>
          <ReferralCard request={request} t={t} locale={locale} letter={allows(actor, "referral.reply")} />
          {request.isReader ? (
            <Card id="attachments" title={`${t("requests.attachments.title")} (${files.length})`} className="order-8">
              <div className="space-y-4">
                <AttachmentList files={files} t={t} locale={locale} />
                {!isFinal && request.isParty ? <AttachmentUpload requestId={request.id} accept={ACCEPT_ATTRIBUTE} /> : null}
              </div>
            </Card>
          ) : null}
          <Card id="timeline" title={t("requests.detail.timeline")} className="order-10">
            <Timeline events={request.events} t={t} locale={locale} />
          </Card>
        </div>
      </div>
    </div>
  );
}

export default withClientMessages(["disputes", "dutyFigures", "enums", "errors", "panels", "referrals", "requests", "routing"], RequestPage);
