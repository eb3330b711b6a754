import { caseNotes } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { currentTime } from "@/lib/clock";
import { conflict } from "@/lib/errors";
import { inTransaction } from "@/lib/transaction";
import { loadCaseForNotes, PANEL_WORK_STATUSES } from "./panel-case";

/**
 * The lead, an accepted panel member or an admin of the case's district (panel.notes) adds an
 * internal note to the case; the company and stations never read them. Others who see the case:
 * 403; the case not being worked on: 409.
 */
export async function addCaseNote(actor: Actor | null, requestId: string, body: string) {
  const author = requirePermission(actor, "panel.notes");
  return inTransaction(async (tx) => {
    const request = await loadCaseForNotes(tx, author, requestId);
    if (!(PANEL_WORK_STATUSES as readonly string[]).includes(request.status)) throw conflict("panels.errors.notOpen");
    const [note] = await tx
      .insert(caseNotes)
      .values({ requestId: request.id, authorUserId: author.userId, body, createdAt: currentTime() })
      .returning({ id: caseNotes.id });
    return { id: note!.id };
  });
}
