import { z } from "zod";
import { offerStatuses, requestCategories, requestStatuses, serviceModes, urgencies } from "@/lib/enums";
import { fen, id, pageOf, timestamp } from "@/lib/http/wire";

// The answers of the routing routes, as they are on the wire.

/** Ranked candidates best first, then the excluded ones with why; every reason in the caller's language. */
export const candidatesResponse = z.array(
  z.discriminatedUnion("excluded", [
    z.strictObject({
      expertId: id,
      name: z.string(),
      rank: z.number().int(),
      score: z.number(),
      reasons: z.array(z.string()),
      parts: z.array(z.strictObject({ name: z.string(), value: z.number(), weight: z.number(), points: z.number() })),
      excluded: z.literal(false),
    }),
    z.strictObject({ expertId: id, name: z.string(), excluded: z.literal(true), code: z.string(), why: z.string(), reasons: z.array(z.string()) }),
  ]),
);

const offerMade = { offerId: id, expertId: id, expiresAt: timestamp };

/** The first offer made (as before), and every offer made at once (first-responder offers of an urgent request). */
export const routeResponse = z.strictObject({ ...offerMade, offers: z.array(z.strictObject(offerMade)) });

/** Every offer of a request, oldest first (the admin's view). */
export const requestOffersResponse = z.strictObject({
  items: z.array(
    z.strictObject({
      offerId: id,
      expertId: id,
      expertName: z.string(),
      status: z.enum(offerStatuses),
      offeredAt: timestamp,
      expiresAt: timestamp,
      answeredAt: timestamp.optional(),
    }),
  ),
});

export const offerListResponse = pageOf(
  z.strictObject({
    id,
    requestId: id,
    status: z.enum(offerStatuses),
    createdAt: timestamp,
    expiresAt: timestamp,
    answeredAt: timestamp.nullable(),
    declineReason: z.string().nullable(),
    request: z.strictObject({
      caseNumber: z.string(),
      title: z.string(),
      category: z.enum(requestCategories),
      status: z.enum(requestStatuses),
      urgency: z.enum(urgencies),
      regionCode: z.string(),
      amountAtStakeFen: fen,
      language: z.string().nullable(),
      serviceMode: z.enum(serviceModes).nullable(),
      enterprise: z.strictObject({ name: z.string(), creditCode: z.string().nullable() }),
      counterparties: z.array(z.strictObject({ name: z.string(), creditCode: z.string().nullable(), declaredConflict: z.boolean() })),
    }),
  }),
).extend({
  /** The server's clock when the list was read, in milliseconds since the epoch: the base for counting down to expiresAt. */
  asOf: z.number().int(),
});

export const offerAnswerResponse = z.strictObject({ requestId: id, status: z.enum(["accepted", "declined"]) });
