// POST /api/v1/panel-members/:id/accept - the invited expert (others 404): joins the case's panel, once; answered or removed -> 409
import { apiRoute } from "@/lib/http/api-route";
import { acceptPanelInvitation } from "@/lib/panels/answer-invitation";
import { panelAnswerResponse } from "@/lib/panels/responses";

export const POST = apiRoute({ permission: "panel.answer", response: panelAnswerResponse }, ({ actor, params }) =>
  acceptPanelInvitation(actor, params.id!),
);
