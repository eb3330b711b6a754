import { inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { experts, regions, specialties, users } from "@/db/schema";
import { emailField } from "@/lib/validation";
import { normalizeLicenceNumber } from "../licence";
import { mapHeaders } from "./columns";
import type { ImportTable } from "./read-file";
import { foldValue, type ImportReference } from "./validate";

/** Loads the taxonomy and which of the file's licence numbers and e-mails are already taken. */
export async function loadImportReference(table: ImportTable): Promise<ImportReference> {
  const columns = mapHeaders(table.headers);
  const column = (key: string) => table.rows.map((r) => r.cells[columns.indexOf(key as never)] ?? "").filter(Boolean);
  const licences = [...new Set(column("licenseNumber").map(normalizeLicenceNumber))];
  const emails = [
    ...new Set(
      column("email").flatMap((e) => {
        const parsed = emailField.safeParse(e);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  ];
  const [specialtyRows, regionRows, onRoster, taken] = await Promise.all([
    db.select({ code: specialties.code, nameZh: specialties.nameZh, nameEn: specialties.nameEn }).from(specialties),
    db.select({ code: regions.code, nameZh: regions.nameZh, nameEn: regions.nameEn }).from(regions),
    // Folded on both sides, so a number stored before normalisation still counts as on the roster.
    licences.length
      ? db
          .select({ licenseNumber: sql<string>`upper(${experts.licenseNumber})` })
          .from(experts)
          .where(inArray(sql`upper(${experts.licenseNumber})`, licences))
      : [],
    emails.length ? db.select({ email: users.email }).from(users).where(inArray(users.email, emails)) : [],
  ]);
  const specialtyByAlias = new Map<string, string>();
  for (const s of specialtyRows) for (const alias of [s.code, s.nameZh, s.nameEn]) specialtyByAlias.set(foldValue(alias), s.code);
  const regionByAlias = new Map<string, string | null>();
  for (const r of regionRows) {
    regionByAlias.set(foldValue(r.code), r.code);
    for (const name of [r.nameZh, r.nameEn]) {
      const key = foldValue(name);
      const existing = regionByAlias.get(key);
      regionByAlias.set(key, existing === undefined || existing === r.code ? r.code : null);
    }
  }
  return {
    specialtyByAlias,
    regionByAlias,
    licencesOnRoster: new Set(onRoster.map((r) => r.licenseNumber)),
    emailsTaken: new Set(taken.map((r) => r.email)),
  };
}
