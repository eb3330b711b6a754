// GET /api/v1/requests/:id/messages - the parties of the case and admins: the conversation
// POST /api/v1/requests/:id/messages - the parties of the case and admins: write a message
import { apiRoute, created } from "@/lib/http/api-route";
import { postMessage } from "@/lib/requests/post-message";
import { listMessages } from "@/lib/requests/queries";
import { messageSchema } from "@/lib/requests/schemas";

export const GET = apiRoute({ permission: "message.read" }, async ({ actor, params }) => {
  const items = await listMessages(actor!, params.id!);
  return items.map(({ authorUserId: _id, ...message }) => message);
});

export const POST = apiRoute({ permission: "message.send", body: messageSchema }, async ({ actor, params, body }) =>
  created(await postMessage(actor, params.id!, body.body)),
);
