"use server";

import { registerEnterprise } from "@/lib/accounts/register-enterprise";
import { registerEnterpriseSchema } from "@/lib/accounts/schemas";
import { action } from "@/lib/http/server-action";

export const registerEnterpriseAction = action({ permission: "public", input: registerEnterpriseSchema }, ({ input }) => registerEnterprise(input));
