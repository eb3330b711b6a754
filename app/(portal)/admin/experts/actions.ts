"use server";

import { z } from "zod";
import { sendInvitation } from "@/lib/accounts/send-invitation";
import { action } from "@/lib/http/server-action";
import { reinstateExpert } from "@/lib/roster/reinstate-expert";
import { renewExpert } from "@/lib/roster/renew-expert";
import { retireExpert } from "@/lib/roster/retire-expert";
import { reasonSchema, renewSchema } from "@/lib/roster/schemas";
import { suspendExpert } from "@/lib/roster/suspend-expert";

const expertId = z.uuid("errors.notFound");

export const renewExpertAction = action({ permission: "expert.renew", input: renewSchema.extend({ expertId }) }, ({ actor, input }) =>
  renewExpert(actor, input.expertId, input),
);

export const suspendExpertAction = action({ permission: "expert.suspend", input: reasonSchema.extend({ expertId }) }, ({ actor, input }) =>
  suspendExpert(actor, input.expertId, input),
);

export const reinstateExpertAction = action({ permission: "expert.reinstate", input: reasonSchema.extend({ expertId }) }, ({ actor, input }) =>
  reinstateExpert(actor, input.expertId, input),
);

export const retireExpertAction = action({ permission: "expert.retire", input: reasonSchema.extend({ expertId }) }, ({ actor, input }) =>
  retireExpert(actor, input.expertId, input),
);

export const sendInvitationAction = action({ permission: "expert.invite", input: z.object({ expertId }) }, ({ actor, input }) =>
  sendInvitation(actor, input.expertId),
);
