"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sendInvitation } from "@/lib/accounts/send-invitation";
import { action } from "@/lib/http/server-action";
import { reinstateExpert } from "@/lib/roster/reinstate";
import { renewExpert } from "@/lib/roster/renew";
import { retireExpert } from "@/lib/roster/retire";
import { reasonSchema, renewSchema } from "@/lib/roster/schemas";
import { suspendExpert } from "@/lib/roster/suspend";

const expertId = z.uuid("errors.notFound");

function refresh(id: string) {
  revalidatePath("/admin/experts");
  revalidatePath(`/admin/experts/${id}`);
}

export const renewExpertAction = action({ permission: "expert.renew", input: renewSchema.extend({ expertId }) }, async ({ actor, input }) => {
  const result = await renewExpert(actor, input.expertId, input);
  refresh(input.expertId);
  return result;
});

export const suspendExpertAction = action({ permission: "expert.suspend", input: reasonSchema.extend({ expertId }) }, async ({ actor, input }) => {
  const result = await suspendExpert(actor, input.expertId, input);
  refresh(input.expertId);
  return result;
});

export const reinstateExpertAction = action(
  { permission: "expert.reinstate", input: reasonSchema.extend({ expertId }) },
  async ({ actor, input }) => {
    const result = await reinstateExpert(actor, input.expertId, input);
    refresh(input.expertId);
    return result;
  },
);

export const retireExpertAction = action({ permission: "expert.retire", input: reasonSchema.extend({ expertId }) }, async ({ actor, input }) => {
  const result = await retireExpert(actor, input.expertId, input);
  refresh(input.expertId);
  return result;
});

export const sendInvitationAction = action({ permission: "expert.invite", input: z.object({ expertId }) }, async ({ actor, input }) => {
  const result = await sendInvitation(actor, input.expertId);
  refresh(input.expertId);
  return result;
});
