import { Badge, Card } from "@/components/ui/card";
import type { Actor } from "@/lib/authz";
import type { ActionResult } from "@/lib/http/server-action";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { Button, LinkButton } from "@/components/ui/button";
import { SearchField } from "@/components/ui/field";
import { getCasePanel, INVITE_CHOICES, type CasePanel } from "@/lib/panels/queries";
import { INVITE_SEARCH_MAX, MAX_PANEL_MEMBERS } from "@/lib/panels/schemas";
import { AnswerInvitation, InviteForm, NoteForm, OpinionForm, RemoveMemberButton } from "./panel-forms";

type Action = (form: FormData) => Promise<ActionResult<unknown>>;
export interface PanelActions {
  invite: Action;
  accept: Action;
  decline: Action;
  remove: Action;
  addNote: Action;
  recordOpinion: Action;
}

const statusKeys = {
  invited: "panels.status.invited",
  accepted: "panels.status.accepted",
  declined: "panels.status.declined",
  removed: "panels.status.removed",
} as const;
const tones = { invited: "warning", accepted: "success", declined: "neutral", removed: "neutral" } as const;

/**
 * Whom the lead or an admin may invite: the best suited to the case, or those found by name (a search
 * that reloads the page, as the list filters do), then the invite form over them.
 */
function InviteChoices({
  requestId,
  search,
  candidates,
  t,
  invite,
}: {
  requestId: string;
  search: string;
  candidates: CasePanel["candidates"];
  t: Translate;
  invite: Action;
}) {
  const query = search.trim();
  return (
    <div className="space-y-3">
      <form method="get" action={`/requests/${requestId}#panel`} role="search" className="flex flex-wrap items-end gap-2">
        <SearchField
          id="panel-invite-search"
          name="invite"
          label={t("panels.invite.search")}
          defaultValue={query}
          placeholder={t("panels.invite.searchPlaceholder")}
          maxLength={INVITE_SEARCH_MAX}
          className="min-w-0 flex-1 space-y-1"
        />
        <Button type="submit" variant="secondary">
          {t("panels.invite.find")}
        </Button>
        {query ? (
          <LinkButton href={`/requests/${requestId}#panel`} variant="secondary">
            {t("panels.invite.suggested")}
          </LinkButton>
        ) : null}
      </form>
      <p className="text-sm text-slate-600" data-testid="panel-invite-choices">
        {query
          ? t(candidates.items.length ? "panels.invite.found" : "panels.invite.noneFound", { query })
          : t(candidates.items.length ? "panels.invite.best" : "panels.invite.none")}
        {candidates.more ? ` ${t("panels.invite.more", { count: INVITE_CHOICES })}` : ""}
      </p>
      {candidates.items.length ? <InviteForm action={invite} requestId={requestId} candidates={candidates.items} /> : null}
    </div>
  );
}

/**
 * The joint consultation (会诊) card of a case: its members and their answers, the invitation for
 * an expert invited, the invite form for the lead and admins, the internal notes for the lead,
 * members and admins, and the panel's opinions. Nothing for a viewer with nothing to see (a case
 * without a panel, for the company). The use cases check all of it again.
 */
export async function PanelCard({
  requestId,
  actor,
  t,
  locale,
  actions,
  inviteSearch = "",
}: {
  requestId: string;
  actor: Actor;
  t: Translate;
  locale: Locale;
  actions: PanelActions;
  /** The name searched for in the invite form (the page's `invite` parameter). */
  inviteSearch?: string;
}) {
  const panel = await getCasePanel(actor, requestId, { inviteSearch });
  const hasPanel = panel.members.length > 0 || panel.opinions.length > 0;
  if (!panel.invitation && !hasPanel && !(panel.worker && panel.open)) return null;
  const accepted = panel.members.filter((m) => m.status === "accepted");
  return (
    <Card id="panel" title={t("panels.title")}>
      <div className="space-y-5" data-testid="panel-card">
        {panel.invitation ? (
          <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
            <h3 className="text-sm font-semibold text-slate-900">{t("panels.invitation.title")}</h3>
            <p className="text-sm text-slate-700">{t("panels.invitation.text")}</p>
            <AnswerInvitation accept={actions.accept} decline={actions.decline} memberId={panel.invitation.memberId} />
          </div>
        ) : null}
        {panel.worker ? <p className="text-sm text-slate-600">{t("panels.intro")}</p> : null}
        {panel.leadName && (panel.worker || hasPanel) ? <p className="text-sm text-slate-800">{t("panels.lead", { name: panel.leadName })}</p> : null}
        {panel.worker || hasPanel ? (
          <section aria-labelledby="panel-members" className="space-y-2">
            <h3 id="panel-members" className="text-sm font-semibold text-slate-900">
              {t("panels.members")}
            </h3>
            {panel.members.length ? (
              <ul className="divide-y divide-slate-100" data-testid="panel-members">
                {panel.members.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <div className="min-w-0">
                      <span className="font-medium text-slate-900">{m.name}</span> <Badge tone={tones[m.status]}>{t(statusKeys[m.status])}</Badge>
                      {panel.worker ? (
                        <p className="text-xs text-slate-500">
                          {t("panels.invitedAt", { at: formatDateTime(m.invitedAt, locale) })}
                          {m.reason ? ` · ${t("panels.declineReason", { reason: m.reason })}` : ""}
                        </p>
                      ) : null}
                    </div>
                    {panel.canManage && (m.status === "invited" || m.status === "accepted") ? (
                      <RemoveMemberButton action={actions.remove} requestId={requestId} memberId={m.id} />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("panels.noMembers")}</p>
            )}
          </section>
        ) : null}
        {panel.canInvite ? (
          <section aria-labelledby="panel-invite" className="space-y-2 border-t border-slate-100 pt-4">
            <h3 id="panel-invite" className="text-sm font-semibold text-slate-900">
              {t("panels.invite.title")}
            </h3>
            {panel.full ? (
              <p className="text-sm text-slate-600">{t("panels.invite.full", { max: MAX_PANEL_MEMBERS })}</p>
            ) : (
              <InviteChoices requestId={requestId} search={inviteSearch} candidates={panel.candidates} t={t} invite={actions.invite} />
            )}
          </section>
        ) : null}
        {panel.worker || panel.opinions.length ? (
          <section aria-labelledby="panel-opinions" className="space-y-2 border-t border-slate-100 pt-4">
            <h3 id="panel-opinions" className="text-sm font-semibold text-slate-900">
              {t("panels.opinions.title")}
            </h3>
            {panel.opinions.length ? (
              <ul className="space-y-3" data-testid="panel-opinions">
                {panel.opinions.map((o) => (
                  <li key={o.id} className="rounded-md bg-slate-50 p-3">
                    <p className="text-sm whitespace-pre-wrap text-slate-900">{o.body}</p>
                    <p className="mt-1 text-xs text-slate-600">
                      {t("panels.opinions.agreedBy", { names: o.agreedNames.join(locale === "en" ? ", " : "、") })}
                    </p>
                    <p className="text-xs text-slate-500">
                      {t("panels.opinions.recordedBy", { name: o.recordedByName, at: formatDateTime(o.recordedAt, locale) })}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("panels.opinions.empty")}</p>
            )}
            {panel.canManage ? (
              <OpinionForm
                action={actions.recordOpinion}
                requestId={requestId}
                members={accepted.map((m) => ({ expertId: m.expertId, name: m.name }))}
              />
            ) : null}
          </section>
        ) : null}
        {panel.worker ? (
          <section aria-labelledby="panel-notes" className="space-y-2 border-t border-slate-100 pt-4">
            <h3 id="panel-notes" className="text-sm font-semibold text-slate-900">
              {t("panels.notes.title")}
            </h3>
            <p className="text-xs text-slate-500">{t("panels.notes.hint")}</p>
            {panel.open ? <NoteForm action={actions.addNote} requestId={requestId} /> : null}
            {panel.notes.length ? (
              <ul className="space-y-2" data-testid="panel-notes">
                {panel.notes.map((n) => (
                  <li key={n.id} className="rounded-md border border-slate-100 p-3">
                    <p className="text-sm whitespace-pre-wrap text-slate-900">{n.body}</p>
                    <p className="mt-1 text-xs text-slate-500">
                      {t("panels.notes.by", { name: n.authorName, at: formatDateTime(n.createdAt, locale) })}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("panels.notes.empty")}</p>
            )}
          </section>
        ) : null}
      </div>
    </Card>
  );
}
