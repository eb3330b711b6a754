import { and, eq, ne } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { expertApplications, experts, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/authz";
import { AppError, forbidden, invalidField, isUniqueViolation, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { todayInShanghai } from "@/lib/clock";
import { fieldsFrozenBy, readApplicationDetails, type ProfileChanges } from "./application-details";
import { tellDistrictOfApplication } from "./district";
import { assertKnownCodes, replaceExpertTaxonomy } from "./reference-check";
import type { UpdateProfileInput } from "./schemas";

const changePending = () => new AppError("conflict", "roster.errors.changePending", { fields: { name: "roster.errors.changePending" } });

/**
 * 409 naming each field a pending application's vetting looks at that this save would change: the
 * checklist vets the profile as it was, so it cannot change under a tick already given.
 */
async function assertVettedFieldsUnchanged(tx: Tx, expertId: string, current: Record<string, unknown>, input: UpdateProfileInput) {
  const [pending] = await tx
    .select({ details: expertApplications.details })
    .from(expertApplications)
    .where(and(eq(expertApplications.expertId, expertId), eq(expertApplications.status, "pending")));
  if (!pending) return;
  const changed = fieldsFrozenBy(readApplicationDetails(pending.details)).filter((field) => input[field] !== current[field]);
  if (changed.length)
    throw new AppError("conflict", "roster.errors.vettingPending", {
      fields: Object.fromEntries(changed.map((f) => [f, "roster.errors.vettingPending"])),
    });
}

/**
 * An expert edits their own profile, capacity, availability and notification preference; these
 * apply at once. A new name or licence number is not applied: it becomes a pending application
 * for the law society to vet (409 if another is already waiting, or the licence is someone
 * else's), and nothing a pending application's checklist vets may change (409 naming the fields).
 * Writes the expert row, their specialties and regions, and audit events.
 */
export async function updateOwnProfile(actor: Actor | null, input: UpdateProfileInput): Promise<{ changeRequested: boolean }> {
  const expertActor = requirePermission(actor, "expert.updateOwnProfile");
  const expertId = expertActor.expertId;
  if (!expertId) throw forbidden();
  if (input.pausedUntil && input.pausedUntil <= todayInShanghai()) throw invalidField("pausedUntil", "roster.errors.pausedPast");
  try {
    return await db.transaction(async (tx) => {
      await assertKnownCodes(tx, input);
      const [current] = await tx
        .select({
          name: experts.name,
          licenseNumber: experts.licenseNumber,
          yearsOfPractice: experts.yearsOfPractice,
          organization: experts.organization,
        })
        .from(experts)
        .where(eq(experts.id, expertId))
        .for("update");
      if (!current) throw notFound();
      await assertVettedFieldsUnchanged(tx, expertId, current, input);
      await tx
        .update(experts)
        .set({
          title: input.title,
          organization: input.organization,
          phone: input.phone ?? null,
          homeRegionCode: input.homeRegionCode,
          yearsOfPractice: input.yearsOfPractice,
          bio: input.bio ?? "",
          languages: input.languages,
          serviceModes: input.serviceModes,
          capacity: input.capacity,
          pausedUntil: input.pausedUntil ?? null,
          updatedAt: new Date(),
        })
        .where(eq(experts.id, expertId));
      // The e-mail preference is the account's (every role has one); the profile form edits it too.
      await tx.update(users).set({ emailNotifications: input.notifyByEmail }).where(eq(users.id, expertActor.userId));
      await replaceExpertTaxonomy(tx, expertId, input);
      await recordEvent(tx, expertActor, {
        type: "expert.profile_updated",
        entityType: "expert",
        entityId: expertId,
        data: { capacity: input.capacity, pausedUntil: input.pausedUntil ?? null },
      });
      const changes: ProfileChanges = {
        ...(input.name !== current.name ? { name: input.name } : {}),
        ...(input.licenseNumber !== current.licenseNumber ? { licenseNumber: input.licenseNumber } : {}),
      };
      if (!changes.name && !changes.licenseNumber) return { changeRequested: false };
      await requestChange(
        tx,
        expertActor,
        { expertId, homeRegionCode: input.homeRegionCode },
        changes,
        { name: current.name, licenseNumber: current.licenseNumber },
        input.changeNote,
      );
      return { changeRequested: true };
    });
  } catch (error) {
    if (isUniqueViolation(error, "expert_applications_one_pending")) throw changePending();
    throw error;
  }
}

/** The change becomes an application for the admins of the expert's district (they are told). */
async function requestChange(
  tx: Tx,
  actor: Actor,
  { expertId, homeRegionCode }: { expertId: string; homeRegionCode: string },
  changes: ProfileChanges,
  previous: Required<ProfileChanges>,
  note?: string,
) {
  if (changes.licenseNumber) {
    const [other] = await tx
      .select({ id: experts.id })
      .from(experts)
      .where(and(eq(experts.licenseNumber, changes.licenseNumber), ne(experts.id, expertId)));
    if (other) throw new AppError("conflict", "errors.invalidInput", { fields: { licenseNumber: "roster.errors.licenceTaken" } });
  }
  const [waiting] = await tx
    .select({ details: expertApplications.details })
    .from(expertApplications)
    .where(and(eq(expertApplications.expertId, expertId), eq(expertApplications.status, "pending")));
  if (waiting) {
    const details = readApplicationDetails(waiting.details);
    // Saving the form again with the same requested change is not a new request.
    if (details.kind === "change" && details.changes.name === changes.name && details.changes.licenseNumber === changes.licenseNumber) return;
    throw changePending();
  }
  const [application] = await tx
    .insert(expertApplications)
    .values({ expertId, details: { kind: "change", changes, previous: { ...previous }, ...(note ? { note } : {}) } })
    .returning({ id: expertApplications.id });
  await recordEvent(tx, actor, {
    type: "expert.change_requested",
    entityType: "expert",
    entityId: expertId,
    reason: note ?? null,
    data: { applicationId: application!.id, changes: { ...changes } },
  });
  await tellDistrictOfApplication(tx, { id: application!.id, kind: "change", name: previous.name, homeRegionCode });
}
