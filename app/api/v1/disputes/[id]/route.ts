// PATCH /api/v1/disputes/:id - assigned expert, admin: change the status (and resolution method)
import { updateDisputeSchema } from "@/lib/disputes/schemas";
import { updateDispute } from "@/lib/disputes/update-dispute";
import { apiRoute } from "@/lib/http/api-route";
import { disputeUpdatedResponse } from "@/lib/disputes/responses";

export const PATCH = apiRoute(
  { permission: "dispute.write", body: updateDisputeSchema, response: disputeUpdatedResponse },
  ({ actor, body, params }) => updateDispute(actor, params.id!, body),
);
