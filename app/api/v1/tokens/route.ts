// GET /api/v1/tokens - admin: the tokens it manages (never their secrets)
// POST /api/v1/tokens - admin: issue a token for itself or an integration account; the secret is in this answer only
import { apiRoute, created } from "@/lib/http/api-route";
import { issueToken } from "@/lib/tokens/manage-tokens";
import { listTokens } from "@/lib/tokens/queries";
import { issueTokenSchema } from "@/lib/tokens/schemas";
import { issuedTokenResponse, tokenListResponse } from "@/lib/tokens/responses";

export const GET = apiRoute({ permission: "token.manage", response: tokenListResponse }, async ({ actor }) => ({ items: await listTokens(actor) }));

export const POST = apiRoute(
  { permission: "token.manage", body: issueTokenSchema, response: issuedTokenResponse, status: 201 },
  async ({ actor, body }) => created(await issueToken(actor, body)),
);
