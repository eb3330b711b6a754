"use server";

import { z } from "zod";
import { createUser } from "@/lib/accounts/create-user";
import { disableUser } from "@/lib/accounts/disable-user";
import { enableUser } from "@/lib/accounts/enable-user";
import { accountStateSchema, createUserSchema } from "@/lib/accounts/user-schemas";
import { action } from "@/lib/http/server-action";

const userId = z.uuid("errors.notFound");

export const createUserAction = action({ permission: "user.create", input: createUserSchema }, async ({ actor, input }) => ({
  ...(await createUser(actor, input)),
  integration: input.integration,
}));

export const disableUserAction = action({ permission: "user.disable", input: accountStateSchema.extend({ userId }) }, ({ actor, input }) =>
  disableUser(actor, input.userId, input),
);

export const enableUserAction = action({ permission: "user.disable", input: accountStateSchema.extend({ userId }) }, ({ actor, input }) =>
  enableUser(actor, input.userId, input),
);
