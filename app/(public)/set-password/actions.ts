"use server";

import { setPasswordSchema } from "@/lib/accounts/schemas";
import { setPasswordWithLink } from "@/lib/accounts/set-password";
import { action } from "@/lib/http/server-action";

export const setPasswordAction = action({ permission: "public", input: setPasswordSchema }, ({ input }) => setPasswordWithLink(input));
