import { z } from "zod";
import { dateField, pageQuery } from "@/lib/validation";

/** A blank form field (the audit page's filters) means no filter. */
const blank = z.literal("").transform(() => undefined);
const optionalName = (max: number) => z.string().trim().min(1).max(max, "errors.field.tooLong").optional().or(blank);

/** The audit trail's filters: GET /api/v1/audit-events, its export and the audit page. */
export const auditFilterSchema = z.object({
  actorId: z.uuid("errors.field.invalid").optional().or(blank),
  /** Who acted, by e-mail or part of the name (the page's search; the API also takes actorId). */
  actor: optionalName(100),
  entityType: optionalName(40),
  entityId: optionalName(100),
  type: optionalName(100),
  /** On or after this day and on or before that one (YYYY-MM-DD, Asia/Shanghai); an invalid date -> 422. */
  from: dateField.optional().or(blank),
  to: dateField.optional().or(blank),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** GET /api/v1/audit-events */
export const auditListQuery = auditFilterSchema.extend(pageQuery.shape);
export type AuditListQuery = z.output<typeof auditListQuery>;

/** GET /api/v1/audit-events/export */
export const auditExportQuery = auditFilterSchema.extend({ format: z.enum(["csv", "xlsx"]).default("csv") });
export type AuditExportQuery = z.output<typeof auditExportQuery>;

/** The page's query string, with anything invalid dropped rather than failing the page. */
export function readAuditQuery(raw: Record<string, string | string[] | undefined>): AuditListQuery {
  const flat = Object.fromEntries(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const parsed = auditListQuery.safeParse(flat);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  return auditListQuery.parse(Object.fromEntries(Object.entries(flat).filter(([k]) => !bad.has(k))));
}
