// POST /api/v1/enterprises/register - anyone
import { registerEnterprise } from "@/lib/accounts/register-enterprise";
import { registerEnterpriseSchema } from "@/lib/accounts/schemas";
import { apiRoute, created } from "@/lib/http/api-route";

export const POST = apiRoute({ permission: "public", body: registerEnterpriseSchema }, async ({ body }) => created(await registerEnterprise(body)));
