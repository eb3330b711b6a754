// POST /api/v1/panel-members/:id/decline - the invited expert (others 404): { reason? } declines a place on the case's panel, once; answered or removed -> 409
import { apiRoute } from "@/lib/http/api-route";
import { declinePanelInvitation } from "@/lib/panels/answer-invitation";
import { panelAnswerResponse } from "@/lib/panels/responses";
import { declinePanelSchema } from "@/lib/panels/schemas";

export const POST = apiRoute({ permission: "panel.answer", body: declinePanelSchema, response: panelAnswerResponse }, ({ actor, params, body }) =>
  declinePanelInvitation(actor, params.id!, body.reason),
);
