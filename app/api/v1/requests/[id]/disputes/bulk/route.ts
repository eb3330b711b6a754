// POST /api/v1/requests/:id/disputes/bulk - assigned expert, admin: open many disputes at once, all or none
import { createDisputes } from "@/lib/disputes/create-dispute";
import { disputesCreatedResponse } from "@/lib/disputes/responses";
import { createDisputesApiSchema } from "@/lib/disputes/schemas";
import { apiRoute, created } from "@/lib/http/api-route";

export const POST = apiRoute(
  { permission: "dispute.write", body: createDisputesApiSchema, response: disputesCreatedResponse, status: 201 },
  async ({ actor, body, params }) => created(await createDisputes(actor, params.id!, body)),
);
