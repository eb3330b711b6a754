// GET /api/v1/requests/:id/disputes - the parties of the case: its disputes with totals from the ledger
// POST /api/v1/requests/:id/disputes - assigned expert, admin: open a dispute
import { createDispute } from "@/lib/disputes/create-dispute";
import { getRequestDisputes } from "@/lib/disputes/queries";
import { createDisputeApiSchema } from "@/lib/disputes/schemas";
import { apiRoute, created } from "@/lib/http/api-route";
import { disputeCreatedResponse, requestDisputesResponse } from "@/lib/disputes/responses";

export const GET = apiRoute({ permission: "dispute.read", response: requestDisputesResponse }, async ({ actor, params }) => {
  const { disputes, totals } = await getRequestDisputes(actor, params.id!);
  return { items: disputes, total: disputes.length, totals };
});

export const POST = apiRoute(
  { permission: "dispute.write", body: createDisputeApiSchema, response: disputeCreatedResponse, status: 201 },
  async ({ actor, body, params }) => created(await createDispute(actor, params.id!, body)),
);
