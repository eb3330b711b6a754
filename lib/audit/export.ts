import ExcelJS from "exceljs";
import { db } from "@/db";
import { requirePermission, type Actor } from "@/lib/authz";
import { toCsv } from "@/lib/csv";
import type { Locale } from "@/lib/i18n/catalog";
import { formatDateTime, formatTimestamp } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translate";
import { listRegions } from "@/lib/reference-data/queries";
import { actorRoleLabel, entityTypeLabel, eventTypeLabel } from "./labels";
import { auditEventsForExport, type AuditEventRow } from "./queries";
import { recordExport } from "./record-export";
import type { AuditExportQuery } from "./schemas";

/**
 * The most events one export holds: the newest that match. A larger trail is exported in parts by
 * narrowing the dates; the file says how many matched (the workbook's info sheet, the CSV answer's
 * X-Total-Count header).
 */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

/** The events as a table of text cells in the caller's language: header row, then one row per event. */
export function auditTable(items: AuditEventRow[], locale: Locale, regionName: (code: string) => string): string[][] {
  const t = translator(locale);
  const header = (
    ["at", "event", "type", "actor", "role", "token", "issuer", "entityType", "entityId", "entity", "region", "reason", "data"] as const
  ).map((c) => t(`audit.columns.${c}`));
  const rows = items.map((e) => [
    formatTimestamp(e.at),
    eventTypeLabel(e.type, locale),
    e.type,
    e.actorName ?? t("audit.system"),
    actorRoleLabel(e.actorRole, locale),
    e.tokenId ?? "",
    e.issuerName ?? e.issuerId ?? "",
    entityTypeLabel(e.entityType, locale),
    e.entityId,
    e.entityName ?? "",
    e.regionCode ? regionName(e.regionCode) : t("audit.zoneWide"),
    e.reason ?? "",
    e.data === null || e.data === undefined ? "" : JSON.stringify(e.data),
  ]);
  return [header, ...rows];
}

/**
 * Admins (audit.export; 403 otherwise): the audit trail the admin may read (their district's; see
 * listAuditEvents), with the same filters, as CSV (formula-safe, see lib/csv.ts) or Excel, at most
 * AUDIT_EXPORT_MAX_ROWS of the newest events. The export itself goes on the trail ("audit.exported").
 */
export async function exportAuditEvents(actor: Actor | null, query: AuditExportQuery, locale: Locale) {
  const admin = requirePermission(actor, "audit.export");
  const { format, ...filter } = query;
  const [{ items, total }, regions] = await Promise.all([auditEventsForExport(admin, filter, AUDIT_EXPORT_MAX_ROWS), listRegions()]);
  await recordExport(db, admin, "audit", { format, ...filter, rows: items.length, total });
  const names = new Map(regions.map((r) => [r.code, locale === "en" ? r.nameEn : r.nameZh]));
  const table = auditTable(items, locale, (code) => `${names.get(code) ?? ""} ${code}`.trim());
  const stamp = formatTimestamp(new Date()).slice(0, 10);
  const meta = { exported: items.length, total, truncated: total > items.length };
  if (format === "csv") {
    return {
      ...meta,
      filename: `audit-${stamp}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: new TextEncoder().encode(toCsv(table, { newline: "\r\n" })) as Uint8Array<ArrayBuffer>,
    };
  }
  return {
    ...meta,
    filename: `audit-${stamp}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await auditWorkbook(table, { ...meta, locale, scope: admin.regionScope ? (names.get(admin.regionScope) ?? admin.regionScope) : null }),
  };
}

async function auditWorkbook(
  table: string[][],
  info: { exported: number; total: number; truncated: boolean; locale: Locale; scope: string | null },
): Promise<Uint8Array<ArrayBuffer>> {
  const t = translator(info.locale);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(t("audit.export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  // Every cell is text: a reason that starts with "=" stays words, never a formula.
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = [20, 18, 22, 14, 12, 12, 12, 12, 38, 24, 14, 30, 60][i] ?? 16));
  const about = workbook.addWorksheet(t("audit.export.infoSheet"));
  about.addRows([
    [t("audit.export.scope"), info.scope ?? t("audit.export.allDistricts")],
    [t("audit.export.rows"), t("audit.export.rowsValue", { exported: info.exported, total: info.total })],
    ...(info.truncated ? [[t("audit.export.truncated"), t("audit.export.truncatedValue", { max: AUDIT_EXPORT_MAX_ROWS })]] : []),
    [t("audit.export.generatedAt"), formatDateTime(new Date(), info.locale)],
  ]);
  about.getColumn(1).width = 16;
  about.getColumn(2).width = 60;
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
