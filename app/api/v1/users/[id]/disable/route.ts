// POST /api/v1/users/:id/disable - admin of the account's district: its sessions and tokens stop at once; { reason? }
import { disableUser } from "@/lib/accounts/disable-user";
import { accountStateResponse } from "@/lib/accounts/responses";
import { accountStateSchema } from "@/lib/accounts/user-schemas";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute({ permission: "user.disable", body: accountStateSchema, response: accountStateResponse }, ({ actor, body, params }) =>
  disableUser(actor, params.id!, body),
);
