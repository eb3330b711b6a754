// DELETE /api/v1/tokens/:id - admin: revoke a token at once
import { apiRoute } from "@/lib/http/api-route";
import { notFound } from "@/lib/errors";
import { revokeToken } from "@/lib/tokens/manage-tokens";
import { uuidParam } from "@/lib/validation";

export const DELETE = apiRoute({ permission: "token.manage" }, async ({ actor, params }) => {
  const id = uuidParam.safeParse(params.id);
  if (!id.success) throw notFound();
  return revokeToken(actor!, id.data);
});
