"use server";

import { z } from "zod";
import { action } from "@/lib/http/server-action";
import { issueToken, revokeToken } from "@/lib/tokens/manage-tokens";
import { issueTokenSchema } from "@/lib/tokens/schemas";

export const issueTokenAction = action({ permission: "token.manage", input: issueTokenSchema }, async ({ actor, input }) => {
  const token = await issueToken(actor, input);
  return { token: token.token, name: token.name };
});

export const revokeTokenAction = action({ permission: "token.manage", input: z.object({ id: z.uuid() }) }, async ({ actor, input }) => {
  await revokeToken(actor, input.id);
  return { id: input.id };
});
