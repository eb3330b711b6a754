// POST /api/v1/recoveries/:id/response - the filing company: confirm or query a ledger entry
import { respondToRecovery } from "@/lib/disputes/respond-to-recovery";
import { respondRecoverySchema } from "@/lib/disputes/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { ledgerEntryResponse } from "@/lib/disputes/responses";

export const POST = apiRoute(
  { permission: "recovery.respond", body: respondRecoverySchema, response: ledgerEntryResponse },
  ({ actor, body, params }) => respondToRecovery(actor, params.id!, body),
);
