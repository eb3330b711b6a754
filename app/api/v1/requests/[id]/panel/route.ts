// POST /api/v1/requests/:id/panel - the lead expert or an admin of the request's district: { expertId } invites a panel member (会诊) -> 201 { memberId, status: "invited" }; no current appointment -> 422; a conflict of interest, a live member again or a full panel -> 409
import { apiRoute, created } from "@/lib/http/api-route";
import { invitePanelMember } from "@/lib/panels/invite-member";
import { panelInvitedResponse } from "@/lib/panels/responses";
import { invitePanelMemberSchema } from "@/lib/panels/schemas";

export const POST = apiRoute(
  { permission: "panel.manage", body: invitePanelMemberSchema, response: panelInvitedResponse, status: 201 },
  async ({ actor, params, body }) => created(await invitePanelMember(actor, params.id!, body)),
);
