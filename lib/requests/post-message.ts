import { db } from "@/db";
import { messages } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { audienceOf } from "@/lib/notifications/audience";
import { notify } from "@/lib/notifications/notify";
import { loadCaseForReader } from "./access";

/** How much of a message the notification (and its e-mail) quotes. */
const EXCERPT = 140;

/**
 * A party of the case (filing company or station, assigned expert, admin in scope) or a member of its
 * panel (会诊) writes on it. Others get 404. Writes the message and notifies the other parties in one transaction; admins
 * are told only while no expert holds the case (afterwards the expert answers).
 */
export async function postMessage(actor: Actor | null, requestId: string, body: string) {
  const author = requirePermission(actor, "message.send");
  const request = await loadCaseForReader(db, author, requestId);
  return db.transaction(async (tx) => {
    const [message] = await tx
      .insert(messages)
      .values({ requestId: request.id, authorUserId: author.userId, body })
      .returning({ id: messages.id, createdAt: messages.createdAt });
    const excerpt = body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body;
    await notify(tx, {
      userIds: await audienceOf(tx, "message.new", request, author.userId),
      kind: "message.new",
      requestId: request.id,
      data: { title: request.title, author: author.name, excerpt },
    });
    return { id: message!.id, requestId: request.id, body, createdAt: message!.createdAt, authorName: author.name, authorRole: author.role };
  });
}
