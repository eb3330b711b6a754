import ExcelJS from "exceljs";
import type { ServiceMode } from "@/lib/enums";
import { db } from "@/db";
import { recordExport } from "@/lib/audit/record-export";
import { requirePermission, type Actor } from "@/lib/authz";
import type { Locale } from "@/lib/i18n/catalog";
import type { Translate } from "@/lib/i18n/translate";
import { listRegions, listSpecialties } from "@/lib/reference-data/queries";
import { districtOf } from "./district";
import { listRosterForExport } from "./queries/admin-roster";
import { joinList } from "./list-format";
import type { RosterQuery } from "./schemas";

/**
 * The roster (admins, same filters as the roster page) as an Excel workbook in the caller's
 * language, with the private contact fields the society works with and each expert's district. The
 * export goes on the audit trail ("roster.exported", with the filters and the number of experts).
 */
export async function exportRosterWorkbook(
  actor: Actor | null,
  query: Omit<RosterQuery, "page" | "pageSize">,
  t: Translate,
  locale: Locale,
): Promise<Uint8Array> {
  const admin = requirePermission(actor, "expert.export");
  const [rows, specialties, regions] = await Promise.all([listRosterForExport(admin, query), listSpecialties(), listRegions()]);
  await recordExport(db, admin, "roster", {
    format: "xlsx",
    q: query.q,
    status: query.status,
    specialty: query.specialty,
    region: query.region,
    rows: rows.length,
  });
  const name = (item: { nameZh: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.nameZh);
  const specialtyName = new Map(specialties.map((s) => [s.code, name(s)]));
  const regionName = new Map(regions.map((r) => [r.code, name(r)]));
  const list = (codes: readonly string[], names: (c: string) => string) => joinList(codes.map(names), locale);

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("roster.export.sheet"));
  const c = (key: Parameters<typeof t>[0], width: number) => ({ header: t(key), width });
  sheet.columns = [
    c("roster.fields.name", 12),
    c("roster.fields.title", 16),
    c("roster.fields.organization", 28),
    c("roster.fields.licenseNumber", 22),
    c("roster.fields.phone", 16),
    c("roster.fields.email", 28),
    c("roster.admin.roster.columns.status", 12),
    c("roster.fields.termStart", 12),
    c("roster.fields.termEnd", 12),
    c("roster.fields.homeRegion", 14),
    c("roster.fields.district", 12),
    c("roster.fields.regions", 24),
    c("roster.fields.specialties", 28),
    c("roster.fields.languages", 16),
    c("roster.fields.serviceModes", 20),
    c("roster.fields.yearsOfPractice", 10),
    c("roster.fields.capacity", 10),
    c("roster.admin.roster.columns.activeCases", 10),
  ];
  for (const r of rows) {
    sheet.addRow([
      r.name,
      r.title,
      r.organization,
      r.licenseNumber,
      r.phone ?? "",
      r.email,
      t(`roster.standing.${r.standing}`),
      r.termStart ?? "",
      r.termEnd ?? "",
      regionName.get(r.homeRegionCode) ?? r.homeRegionCode,
      regionName.get(districtOf(r.homeRegionCode)) ?? districtOf(r.homeRegionCode),
      list(r.regions, (code) => regionName.get(code) ?? code),
      list(r.specialties, (code) => specialtyName.get(code) ?? code),
      list(r.languages, (code) => t(`enums.language.${code as "zh"}`)),
      list(r.serviceModes, (code) => t(`enums.serviceMode.${code as ServiceMode}`)),
      r.yearsOfPractice,
      r.capacity,
      r.activeCases,
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
