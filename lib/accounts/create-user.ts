import { eq } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { regions, users } from "@/db/schema";
import { forbidden, invalidField, AppError, isUniqueViolation } from "@/lib/errors";
import { isUnscopedAdmin, requireDistrict, requirePermission, type Actor } from "@/lib/authz";
import { recordEvent } from "@/lib/events/record-event";
import { createPasswordLinks, NO_PASSWORD_YET } from "./password-links";
import { lockStation } from "./station-choices";
import type { CreateUserInput } from "./user-schemas";

const emailTaken = () => new AppError("conflict", "errors.conflict", { fields: { email: "errors.field.emailTaken" } });

/** Who may create this account: 403 for an admin account unless the caller is an unscoped admin, or for staff of a station outside the caller's district. */
async function checkPlace(tx: Tx, admin: Actor, input: CreateUserInput): Promise<void> {
  if (input.role === "admin") {
    if (!isUnscopedAdmin(admin)) throw forbidden();
    if (!input.regionScope) return;
    const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, input.regionScope));
    if (!region) throw invalidField("regionScope", "errors.field.unknownRegion");
    return;
  }
  const station = input.stationId ? await lockStation(tx, input.stationId) : null;
  if (!station) throw invalidField("stationId", "accounts.errors.unknownStation");
  requireDistrict(admin, "user.create", station.regionCode);
  if (station.closed) throw invalidField("stationId", "accounts.errors.stationClosed");
}

/**
 * Admins only. Creates an admin (unscoped admins only; for a district with regionScope, else for
 * the whole zone) or a station's staff (admins of the station's district; others 403). A person
 * gets an invitation mail with a set-password link (valid 7 days); an integration account
 * (`integration`) gets none and never has a password: it acts only through API tokens, and mails
 * to it are off. 422 for an unknown region or station, 409 on an e-mail that exists. Writes the
 * account and a "user.created" event.
 */
export async function createUser(actor: Actor | null, input: CreateUserInput): Promise<{ userId: string }> {
  const admin = requirePermission(actor, "user.create");
  try {
    return await db.transaction(async (tx) => {
      await checkPlace(tx, admin, input);
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
      if (existing) throw emailTaken();
      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          role: input.role,
          regionScope: input.role === "admin" ? (input.regionScope ?? null) : null,
          stationId: input.role === "station" ? input.stationId : null,
          integration: input.integration,
          passwordHash: NO_PASSWORD_YET,
          emailNotifications: input.integration ? "none" : "all",
        })
        .returning({ id: users.id });
      if (!user) throw new Error("insert returned no row");
      await recordEvent(tx, admin, {
        type: "user.created",
        entityType: "user",
        entityId: user.id,
        data: { role: input.role, regionScope: input.regionScope ?? null, stationId: input.stationId ?? null, integration: input.integration },
      });
      if (!input.integration) await createPasswordLinks(tx, { userIds: [user.id], purpose: "invite", createdByUserId: admin.userId });
      return { userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) throw emailTaken();
    throw error;
  }
}
