// POST /api/v1/disputes/:id/recoveries - assigned expert, admin: append money received to the ledger
import { recordRecovery } from "@/lib/disputes/record-recovery";
import { recordRecoveryApiSchema } from "@/lib/disputes/schemas";
import { apiRoute, created } from "@/lib/http/api-route";
import { ledgerEntryResponse } from "@/lib/disputes/responses";

export const POST = apiRoute(
  { permission: "recovery.write", body: recordRecoveryApiSchema, response: ledgerEntryResponse, status: 201 },
  async ({ actor, body, params }) => created(await recordRecovery(actor, params.id!, body)),
);
