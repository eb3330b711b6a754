"use server";

import { z } from "zod";
import { action } from "@/lib/http/server-action";
import { reassignCase } from "@/lib/routing/reassign-case";
import { routeRequest } from "@/lib/routing/route-request";
import { reassignSchema, routeRequestSchema, skipExpertSchema, withdrawOfferSchema } from "@/lib/routing/schemas";
import { skipExpert } from "@/lib/routing/skip-expert";
import { withdrawOffer } from "@/lib/routing/withdraw-offer";

// The routing panel's admin controls; each calls one lib/routing use case (which checks everything).
const requestId = z.object({ requestId: z.uuid("errors.notFound") });
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
const optionalExpert = z.preprocess(blankToUndefined, z.uuid("errors.field.invalid").optional());

export const routeRequestAction = action(
  { permission: "routing.route", input: z.intersection(requestId, routeRequestSchema) },
  async ({ actor, input }) => {
    const offer = await routeRequest(actor, input.requestId, { expertId: input.expertId });
    return { offerId: offer.offerId, expertId: offer.expertId };
  },
);

export const skipExpertAction = action(
  { permission: "routing.route", input: z.intersection(requestId, skipExpertSchema) },
  async ({ actor, input }) => skipExpert(actor, input.requestId, { expertId: input.expertId, reason: input.reason }),
);

export const withdrawOfferAction = action(
  {
    permission: "routing.withdrawOffer",
    input: z.object({ offerId: z.uuid("errors.notFound"), reason: withdrawOfferSchema.shape.reason, expertId: optionalExpert }),
  },
  async ({ actor, input }) => {
    const result = await withdrawOffer(actor, input.offerId, { reason: input.reason, expertId: input.expertId });
    return { offerId: result.offerId, nextExpertId: result.next?.expertId ?? null };
  },
);

export const reassignCaseAction = action(
  { permission: "routing.reassign", input: requestId.extend({ reason: reassignSchema.shape.reason, expertId: optionalExpert }) },
  async ({ actor, input }) => {
    const result = await reassignCase(actor, input.requestId, { reason: input.reason, expertId: input.expertId });
    return { requestId: result.requestId, nextExpertId: result.next?.expertId ?? null };
  },
);
