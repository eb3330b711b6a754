// POST /api/v1/disputes/:id/recoveries - assigned expert, admin: append money received to the ledger
import { recordRecovery } from "@/lib/disputes/record-recovery";
import { recordRecoveryApiSchema } from "@/lib/disputes/schemas";
import { apiRoute, created } from "@/lib/http/api-route";

export const POST = apiRoute({ permission: "recovery.write", body: recordRecoveryApiSchema }, async ({ actor, body, params }) =>
  created(await recordRecovery(actor, params.id!, body)),
);
