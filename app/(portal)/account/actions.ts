"use server";

import { updateAccount } from "@/lib/accounts/update-account";
import { updateAccountSchema } from "@/lib/accounts/user-schemas";
import { action } from "@/lib/http/server-action";

/** The signed-in user's own name, phone, e-mail preference and e-mail language. */
export const updateAccountAction = action({ permission: "me.updateAccount", input: updateAccountSchema }, ({ actor, input }) =>
  updateAccount(actor, input),
);
