// POST /api/v1/enterprises/register - anyone
import { registerEnterprise } from "@/lib/accounts/register-enterprise";
import { registerEnterpriseSchema } from "@/lib/accounts/schemas";
import { clientAddress } from "@/lib/auth/client-address";
import { apiRoute, created } from "@/lib/http/api-route";
import { registeredEnterpriseResponse } from "@/lib/accounts/responses";

export const POST = apiRoute(
  { permission: "public", body: registerEnterpriseSchema, response: registeredEnterpriseResponse, status: 201, errors: ["rate_limited"] },
  async ({ request, body }) => created(await registerEnterprise(body, { address: clientAddress(request.headers) })),
);
