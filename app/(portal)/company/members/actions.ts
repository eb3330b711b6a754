"use server";

import { z } from "zod";
import { inviteMember } from "@/lib/companies/invite-member";
import { removeMember } from "@/lib/companies/remove-member";
import { inviteMemberSchema } from "@/lib/companies/schemas";
import { action } from "@/lib/http/server-action";

// The caller's own company: the use cases answer 404 for anyone who is not its member.

export const inviteMemberAction = action({ permission: "enterprise.members", input: inviteMemberSchema }, async ({ actor, input, locale }) => {
  const member = await inviteMember(actor, actor.enterpriseId ?? "", input, { locale });
  return { email: member.email };
});

export const removeMemberAction = action(
  { permission: "enterprise.members", input: z.object({ userId: z.uuid("errors.notFound") }) },
  async ({ actor, input }) => {
    await removeMember(actor, actor.enterpriseId ?? "", input.userId);
    return { userId: input.userId };
  },
);
