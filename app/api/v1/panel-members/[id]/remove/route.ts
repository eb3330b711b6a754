// POST /api/v1/panel-members/:id/remove - the case's lead expert or an admin of its district (others 404): { reason? } takes an invited or accepted member off the panel; the member is told; already answered no / removed -> 409
import { apiRoute } from "@/lib/http/api-route";
import { removePanelMemberById } from "@/lib/panels/remove-member";
import { panelAnswerResponse } from "@/lib/panels/responses";
import { removePanelMemberBodySchema } from "@/lib/panels/schemas";

export const POST = apiRoute(
  { permission: "panel.manage", body: removePanelMemberBodySchema, response: panelAnswerResponse },
  ({ actor, params, body }) => removePanelMemberById(actor, params.id!, body.reason),
);
