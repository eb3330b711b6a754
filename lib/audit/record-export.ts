import type { DbOrTx } from "@/db";
import type { Actor } from "@/lib/authz";
import { recordEvent } from "@/lib/events/record-event";

/**
 * Puts an export on the audit trail ("audit.exported", "report.exported", "roster.exported"): who
 * took which data out, with what filters and how many rows. An export has no district of its own:
 * it belongs to the exporting admin's (zone-wide for an unscoped admin).
 */
export async function recordExport(handle: DbOrTx, admin: Actor, what: "audit" | "report" | "roster", data: Record<string, unknown>) {
  await recordEvent(handle, admin, {
    type: `${what}.exported`,
    entityType: "export",
    entityId: what,
    regionCode: admin.regionScope,
    data: Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== "")),
  });
}
