"use server";

import { z } from "zod";
import { action } from "@/lib/http/server-action";
import { amendRequest } from "@/lib/requests/amend-request";
import { confirmRequest } from "@/lib/requests/confirm-request";
import { fileRequest } from "@/lib/requests/file-request";
import { objectToOutcome } from "@/lib/requests/object-request";
import { postMessage } from "@/lib/requests/post-message";
import { resolveRequest } from "@/lib/requests/resolve-request";
import { recordReturnVisit } from "@/lib/requests/record-return-visit";
import {
  amendRequestFormSchema,
  confirmSchema,
  fileRequestFormSchema,
  messageSchema,
  objectSchema,
  resolveSchema,
  returnVisitSchema,
  triageSchema,
  withdrawSchema,
} from "@/lib/requests/schemas";
import { startRequest } from "@/lib/requests/start-request";
import { triageRequest } from "@/lib/requests/triage-request";
import { withdrawRequest } from "@/lib/requests/withdraw-request";

const onRequest = z.object({ requestId: z.uuid("errors.notFound") });

export const fileRequestAction = action({ permission: "request.create", input: fileRequestFormSchema }, async ({ actor, input }) => {
  const { idempotencyKey, ...request } = input;
  const filed = await fileRequest(actor, request, { idempotencyKey });
  return { id: filed.id };
});

export const amendRequestAction = action({ permission: "request.amend", input: amendRequestFormSchema }, ({ actor, input }) =>
  amendRequest(actor, input),
);

export const withdrawRequestAction = action({ permission: "request.withdraw", input: onRequest.extend(withdrawSchema.shape) }, ({ actor, input }) =>
  withdrawRequest(actor, input.requestId, input.reason),
);

export const triageRequestAction = action(
  { permission: "request.triage", input: z.intersection(onRequest, triageSchema) },
  async ({ actor, input }) => {
    const { requestId, ...decision } = input;
    const result = await triageRequest(actor, requestId, decision);
    return result;
  },
);

export const postMessageAction = action({ permission: "message.send", input: onRequest.extend(messageSchema.shape) }, async ({ actor, input }) => {
  const message = await postMessage(actor, input.requestId, input.body);
  return { id: message.id };
});

export const startRequestAction = action({ permission: "request.resolve", input: onRequest }, ({ actor, input }) =>
  startRequest(actor, input.requestId),
);

export const resolveRequestAction = action({ permission: "request.resolve", input: onRequest.extend(resolveSchema.shape) }, ({ actor, input }) =>
  resolveRequest(actor, input.requestId, input.summary),
);

export const confirmRequestAction = action({ permission: "request.confirm", input: onRequest.extend(confirmSchema.shape) }, ({ actor, input }) =>
  confirmRequest(actor, input.requestId, input),
);

export const objectToOutcomeAction = action({ permission: "request.confirm", input: onRequest.extend(objectSchema.shape) }, ({ actor, input }) =>
  objectToOutcome(actor, input.requestId, input.reason),
);

export const recordReturnVisitAction = action(
  { permission: "request.returnVisit", input: onRequest.extend(returnVisitSchema.shape) },
  async ({ actor, input }) => {
    const { requestId, ...visit } = input;
    const result = await recordReturnVisit(actor, requestId, visit);
    return result;
  },
);
