"use server";

import { headers } from "next/headers";
import { registerEnterprise } from "@/lib/accounts/register-enterprise";
import { registerEnterpriseFormSchema } from "@/lib/accounts/schemas";
import { clientAddress } from "@/lib/auth/client-address";
import { action } from "@/lib/http/server-action";

export const registerEnterpriseAction = action({ permission: "public", input: registerEnterpriseFormSchema }, async ({ input }) =>
  registerEnterprise(input, { address: clientAddress(await headers()) }),
);
