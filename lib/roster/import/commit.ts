import { db, type Tx } from "@/db";
import { appointments, events, experts, expertRegions, expertSpecialties, users } from "@/db/schema";
import { createPasswordLinks, NO_PASSWORD_YET } from "@/lib/accounts/password-links";
import type { Actor } from "@/lib/authz";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { Translate } from "@/lib/i18n/translate";
import { checkImportFile, presentRow } from "./preview";
import type { ImportRowInput } from "./validate";

const CHUNK = 500;

async function insertChunked<T>(items: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += CHUNK) await insert(items.slice(i, i + CHUNK));
}

async function insertExperts(tx: Tx, adminId: string, rows: ImportRowInput[]) {
  const created: { id: string; userId: string; row: ImportRowInput }[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const newUsers = await tx
      .insert(users)
      .values(chunk.map((r) => ({ email: r.email, passwordHash: NO_PASSWORD_YET, role: "expert" as const, name: r.name, phone: r.phone })))
      .returning({ id: users.id, email: users.email });
    const userByEmail = new Map(newUsers.map((u) => [u.email, u.id]));
    const newExperts = await tx
      .insert(experts)
      .values(
        chunk.map((r) => ({
          userId: userByEmail.get(r.email)!,
          status: "active" as const,
          name: r.name,
          title: r.title,
          organization: r.organization,
          licenseNumber: r.licenseNumber,
          phone: r.phone,
          homeRegionCode: r.homeRegionCode,
          yearsOfPractice: r.yearsOfPractice,
          bio: r.bio,
          languages: r.languages,
          serviceModes: r.serviceModes,
          capacity: r.capacity,
          termStart: r.termStart,
          termEnd: r.termEnd,
        })),
      )
      .returning({ id: experts.id, userId: experts.userId, licenseNumber: experts.licenseNumber });
    const byLicence = new Map(chunk.map((r) => [r.licenseNumber, r]));
    created.push(...newExperts.map((e) => ({ id: e.id, userId: e.userId, row: byLicence.get(e.licenseNumber)! })));
  }
  await insertChunked(
    created.flatMap((c) => c.row.specialties.map((specialtyCode) => ({ expertId: c.id, specialtyCode }))),
    (v) => tx.insert(expertSpecialties).values(v),
  );
  await insertChunked(
    created.flatMap((c) => c.row.regions.map((regionCode) => ({ expertId: c.id, regionCode }))),
    (v) => tx.insert(expertRegions).values(v),
  );
  await insertChunked(created, (v) =>
    tx
      .insert(appointments)
      .values(v.map((c) => ({ expertId: c.id, termStart: c.row.termStart, termEnd: c.row.termEnd, kind: "import", decidedBy: adminId }))),
  );
  return created;
}

/**
 * Imports the valid rows of a roster file in one transaction (admins): each becomes an active
 * expert with the term from the file (default: from today for 3 years), an appointment record and
 * an audit event, and its account is mailed an invitation to set a password (valid 7 days). Rows
 * with problems are returned, not imported. Keyed on the licence number, so importing the same
 * file again creates nothing and counts its rows as already present (not as problems). 409 if the roster changed while importing.
 */
export async function importRoster(admin: Actor, fileName: string, bytes: Uint8Array, t: Translate) {
  const { rows } = await checkImportFile(admin, fileName, bytes);
  const valid = rows.flatMap((r) => (r.input ? [r.input] : []));
  try {
    const created = valid.length
      ? await db.transaction(async (tx) => {
          const inserted = await insertExperts(tx, admin.userId, valid);
          await insertChunked(inserted, (v) =>
            tx.insert(events).values(
              v.map((c) => ({
                type: "expert.imported",
                entityType: "expert",
                entityId: c.id,
                actorUserId: admin.userId,
                actorRole: admin.role,
                data: { fileName, termStart: c.row.termStart, termEnd: c.row.termEnd },
              })),
            ),
          );
          await insertChunked(inserted, (v) =>
            createPasswordLinks(tx, { userIds: v.map((c) => c.userId), purpose: "invite", createdByUserId: admin.userId }),
          );
          return inserted;
        })
      : [];
    const rejected = rows.filter((r) => r.problems.length);
    const present = rows.filter((r) => r.present).length;
    return { imported: created.length, present, rejected: rejected.length, rows: rejected.map((r) => presentRow(r, t)) };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "roster.import.errors.changed");
    throw error;
  }
}
