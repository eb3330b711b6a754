// POST /api/v1/recoveries/:id/reverse - assigned expert, admin: append the reversing entry; a second reversal is 409
import { reverseRecovery } from "@/lib/disputes/reverse-recovery";
import { reverseRecoverySchema } from "@/lib/disputes/schemas";
import { apiRoute, created } from "@/lib/http/api-route";
import { ledgerEntryResponse } from "@/lib/disputes/responses";

export const POST = apiRoute(
  { permission: "recovery.write", body: reverseRecoverySchema, response: ledgerEntryResponse, status: 201 },
  async ({ actor, body, params }) => created(await reverseRecovery(actor, params.id!, body.reason)),
);
