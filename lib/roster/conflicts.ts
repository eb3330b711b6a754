import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { expertConflicts } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { forbidden, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { normalizeCompanyName } from "@/lib/names";
import type { ConflictInput } from "./schemas";

function ownExpert(actor: Actor | null) {
  const expert = requirePermission(actor, "expert.updateOwnProfile");
  if (!expert.expertId) throw forbidden();
  return { actor: expert, expertId: expert.expertId };
}

/**
 * An expert declares a company they must not be matched against (name, optional credit code,
 * note). The normalised name is stored so "嘉兴（某）贸易" and "嘉兴某贸易" are the same company.
 */
export async function addConflict(actor: Actor | null, input: ConflictInput) {
  const { actor: expert, expertId } = ownExpert(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(expertConflicts)
      .values({
        expertId,
        companyName: input.companyName,
        nameNormalized: normalizeCompanyName(input.companyName),
        creditCode: input.creditCode ?? null,
        note: input.note ?? "",
      })
      .returning({ id: expertConflicts.id });
    await recordEvent(tx, expert, {
      type: "expert.conflict_added",
      entityType: "expert",
      entityId: expertId,
      data: { companyName: input.companyName },
    });
    return { id: row!.id };
  });
}

/** An expert removes one of their own declared conflicts; someone else's is "not found". */
export async function removeConflict(actor: Actor | null, conflictId: string) {
  const { actor: expert, expertId } = ownExpert(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(expertConflicts)
      .where(and(eq(expertConflicts.id, conflictId), eq(expertConflicts.expertId, expertId)))
      .returning({ companyName: expertConflicts.companyName });
    if (!row) throw notFound();
    await recordEvent(tx, expert, {
      type: "expert.conflict_removed",
      entityType: "expert",
      entityId: expertId,
      data: { companyName: row.companyName },
    });
    return { removed: true };
  });
}
