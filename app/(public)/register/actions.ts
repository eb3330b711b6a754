"use server";

import { headers } from "next/headers";
import { registerEnterprise } from "@/lib/accounts/register-enterprise";
import { registerEnterpriseSchema } from "@/lib/accounts/schemas";
import { clientAddress } from "@/lib/auth/client-address";
import { action } from "@/lib/http/server-action";

export const registerEnterpriseAction = action({ permission: "public", input: registerEnterpriseSchema }, async ({ input }) =>
  registerEnterprise(input, { address: clientAddress(await headers()) }),
);
