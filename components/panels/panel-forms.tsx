"use client";

import { Field, inputClass } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/action-form";
import type { ActionResult } from "@/lib/http/server-action";
import { useT } from "@/lib/i18n/client";

type Action = (form: FormData) => Promise<ActionResult<unknown>>;

const textareaClass = `${inputClass} min-h-24`;

/** The lead's or an admin's invitation: experts with a current appointment; one with a conflict is listed but cannot be chosen. */
export function InviteForm({
  action,
  requestId,
  candidates,
}: {
  action: Action;
  requestId: string;
  candidates: { expertId: string; name: string; conflictParty: string | null }[];
}) {
  const { t } = useT();
  return (
    <ActionForm
      action={action}
      hidden={{ requestId }}
      submitLabel={t("panels.invite.submit")}
      pendingLabel={t("panels.invite.sending")}
      success={t("panels.invite.done")}
    >
      {(fields) => (
        <Field id="panel-expert" label={t("panels.invite.expert")} hint={t("panels.invite.hint")} error={fields.expertId}>
          {(aria) => (
            <select {...aria} name="expertId" defaultValue="" className={inputClass}>
              <option value="">{t("panels.invite.choose")}</option>
              {candidates.map((c) => (
                <option key={c.expertId} value={c.expertId} disabled={Boolean(c.conflictParty)}>
                  {c.conflictParty ? t("panels.invite.conflict", { name: c.name, party: c.conflictParty }) : c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </ActionForm>
  );
}

/** The invited expert's answer: accept, or decline with an optional reason. */
export function AnswerInvitation({ accept, decline, memberId }: { accept: Action; decline: Action; memberId: string }) {
  const { t } = useT();
  return (
    <div className="space-y-3">
      <ActionForm action={accept} hidden={{ memberId }} submitLabel={t("panels.invitation.accept")} success={t("panels.invitation.accepted")} />
      <details className="rounded-md border border-slate-200 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">{t("panels.invitation.decline")}</summary>
        <ActionForm
          action={decline}
          hidden={{ memberId }}
          variant="secondary"
          className="mt-3"
          submitLabel={t("panels.invitation.decline")}
          success={t("panels.invitation.declined")}
        >
          {(fields) => (
            <Field id={`decline-${memberId}`} label={t("panels.invitation.reason")} error={fields.reason}>
              {(aria) => <textarea {...aria} name="reason" rows={2} className={textareaClass} />}
            </Field>
          )}
        </ActionForm>
      </details>
    </div>
  );
}

/** Takes a member off the panel, after a confirmation. */
export function RemoveMemberButton({ action, requestId, memberId }: { action: Action; requestId: string; memberId: string }) {
  const { t } = useT();
  return (
    <ActionForm
      action={action}
      hidden={{ requestId, memberId }}
      variant="secondary"
      submitLabel={t("panels.remove.submit")}
      confirm={t("panels.remove.confirm")}
    />
  );
}

export function NoteForm({ action, requestId }: { action: Action; requestId: string }) {
  const { t } = useT();
  return (
    <ActionForm
      action={action}
      hidden={{ requestId }}
      schema={() => import("@/lib/panels/schemas").then((m) => m.caseNoteSchema)}
      submitLabel={t("panels.notes.submit")}
      pendingLabel={t("panels.notes.sending")}
    >
      {(fields) => (
        <Field id="case-note" label={t("panels.notes.label")} error={fields.body}>
          {(aria) => <textarea {...aria} name="body" rows={3} className={textareaClass} />}
        </Field>
      )}
    </ActionForm>
  );
}

/** The panel's opinion and, as checkboxes, the accepted members who agreed (the lead counts as agreeing). */
export function OpinionForm({ action, requestId, members }: { action: Action; requestId: string; members: { expertId: string; name: string }[] }) {
  const { t } = useT();
  return (
    <ActionForm
      action={action}
      hidden={{ requestId }}
      schema={() => import("@/lib/panels/schemas").then((m) => m.panelOpinionSchema)}
      submitLabel={t("panels.opinions.submit")}
      pendingLabel={t("panels.opinions.sending")}
      success={t("panels.opinions.done")}
    >
      {(fields) => (
        <>
          <Field id="panel-opinion" label={t("panels.opinions.body")} error={fields.body}>
            {(aria) => <textarea {...aria} name="body" rows={4} className={textareaClass} />}
          </Field>
          {members.length ? (
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">{t("panels.opinions.agreed")}</legend>
              <p className="text-xs text-slate-500">{t("panels.opinions.agreedHint")}</p>
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {members.map((m) => (
                  <label key={m.expertId} className="flex items-center gap-2 py-1 text-sm">
                    <input type="checkbox" name="agreedExpertIds[]" value={m.expertId} defaultChecked className="h-4 w-4" />
                    {m.name}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
        </>
      )}
    </ActionForm>
  );
}
