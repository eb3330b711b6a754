// GET /api/v1/requests/:id/messages - the parties of the case and admins: the conversation
// POST /api/v1/requests/:id/messages - the parties of the case and admins: write a message
import { apiRoute, created } from "@/lib/http/api-route";
import { postMessage } from "@/lib/requests/post-message";
import { listMessages } from "@/lib/requests/queries";
import { messageSchema } from "@/lib/requests/schemas";
import { messageListResponse, messageResponse } from "@/lib/requests/responses";

export const GET = apiRoute({ permission: "message.read", response: messageListResponse }, async ({ actor, params }) => {
  const items = await listMessages(actor, params.id!);
  return items.map(({ authorUserId: _id, ...message }) => message);
});

export const POST = apiRoute(
  { permission: "message.send", body: messageSchema, response: messageResponse, status: 201 },
  async ({ actor, params, body }) => created(await postMessage(actor, params.id!, body.body)),
);
