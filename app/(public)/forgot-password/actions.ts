"use server";

import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { forgotPasswordSchema } from "@/lib/accounts/schemas";
import { action } from "@/lib/http/server-action";

export const requestPasswordResetAction = action({ permission: "public", input: forgotPasswordSchema }, ({ input }) => requestPasswordReset(input));
