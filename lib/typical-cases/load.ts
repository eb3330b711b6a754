import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { requests, typicalCases } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { notFound } from "@/lib/errors";
import { visibleRequests } from "@/lib/requests/scope";

/** A typical case whose request the admin may see; otherwise 404. */
export async function loadTypicalCaseForAdmin(handle: DbOrTx, admin: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const [row] = await handle
    .select({
      id: typicalCases.id,
      requestId: typicalCases.requestId,
      status: typicalCases.status,
      titleZh: typicalCases.titleZh,
      titleEn: typicalCases.titleEn,
      storyZh: typicalCases.storyZh,
      storyEn: typicalCases.storyEn,
      companyConsent: typicalCases.companyConsent,
    })
    .from(typicalCases)
    .innerJoin(requests, eq(requests.id, typicalCases.requestId))
    .where(and(eq(typicalCases.id, id), visibleRequests(admin)));
  if (!row) throw notFound();
  return row;
}
