"use server";

import { z } from "zod";
import { action } from "@/lib/http/server-action";
import { addCaseNote } from "@/lib/panels/add-note";
import { acceptPanelInvitation, declinePanelInvitation } from "@/lib/panels/answer-invitation";
import { invitePanelMember } from "@/lib/panels/invite-member";
import { recordPanelOpinion } from "@/lib/panels/record-opinion";
import { removePanelMember } from "@/lib/panels/remove-member";
import { caseNoteSchema, declinePanelSchema, invitePanelMemberSchema, panelOpinionSchema, removePanelMemberSchema } from "@/lib/panels/schemas";

// The joint consultation (会诊) card of a case page and the panel invitations on the expert's home.

const onRequest = z.object({ requestId: z.uuid("errors.notFound") });
const onMember = z.object({ memberId: z.uuid("errors.notFound") });

export const invitePanelMemberAction = action(
  { permission: "panel.manage", input: onRequest.extend(invitePanelMemberSchema.shape) },
  ({ actor, input }) => invitePanelMember(actor, input.requestId, { expertId: input.expertId }),
);

export const acceptPanelInvitationAction = action({ permission: "panel.answer", input: onMember }, ({ actor, input }) =>
  acceptPanelInvitation(actor, input.memberId),
);

export const declinePanelInvitationAction = action(
  { permission: "panel.answer", input: onMember.extend(declinePanelSchema.shape) },
  ({ actor, input }) => declinePanelInvitation(actor, input.memberId, input.reason),
);

export const removePanelMemberAction = action(
  { permission: "panel.manage", input: onRequest.extend(removePanelMemberSchema.shape) },
  ({ actor, input }) => removePanelMember(actor, input.requestId, input.memberId, input.reason),
);

export const addCaseNoteAction = action({ permission: "panel.notes", input: onRequest.extend(caseNoteSchema.shape) }, ({ actor, input }) =>
  addCaseNote(actor, input.requestId, input.body),
);

export const recordPanelOpinionAction = action(
  { permission: "panel.manage", input: onRequest.extend(panelOpinionSchema.shape) },
  ({ actor, input }) => recordPanelOpinion(actor, input.requestId, { body: input.body, agreedExpertIds: input.agreedExpertIds }),
);
