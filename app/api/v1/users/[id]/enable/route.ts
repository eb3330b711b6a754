// POST /api/v1/users/:id/enable - admin of the account's district: the account signs in again (no old session or token returns); { reason? }
import { enableUser } from "@/lib/accounts/enable-user";
import { accountStateResponse } from "@/lib/accounts/responses";
import { accountStateSchema } from "@/lib/accounts/user-schemas";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute({ permission: "user.disable", body: accountStateSchema, response: accountStateResponse }, ({ actor, body, params }) =>
  enableUser(actor, params.id!, body),
);
