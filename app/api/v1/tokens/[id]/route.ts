// DELETE /api/v1/tokens/:id - admin: revoke a token at once
import { apiRoute } from "@/lib/http/api-route";
import { notFound } from "@/lib/errors";
import { revokeToken } from "@/lib/tokens/manage-tokens";
import { uuidParam } from "@/lib/validation";
import { revokedTokenResponse } from "@/lib/tokens/responses";

export const DELETE = apiRoute({ permission: "token.manage", response: revokedTokenResponse }, async ({ actor, params }) => {
  const id = uuidParam.safeParse(params.id);
  if (!id.success) throw notFound();
  return revokeToken(actor, id.data);
});
