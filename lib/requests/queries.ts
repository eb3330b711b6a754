import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { enterprises, experts, requests } from "@/db/schema";
import type { RequestStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/authz";
import type { PageQuery } from "@/lib/validation";
import { visibleRequests } from "./scope";

export interface RequestListFilter {
  status?: RequestStatus | RequestStatus[];
  /** For experts: only cases assigned to them (not mere offers). */
  assignedOnly?: boolean;
}

/** A page of the requests the actor may see, newest first. */
export async function listRequestsForActor(actor: Actor, filter: RequestListFilter, page: PageQuery) {
  const conditions: SQL[] = [visibleRequests(actor)];
  if (filter.status) conditions.push(Array.isArray(filter.status) ? inArray(requests.status, filter.status) : eq(requests.status, filter.status));
  if (filter.assignedOnly && actor.expertId) conditions.push(eq(requests.assignedExpertId, actor.expertId));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: requests.id,
        title: requests.title,
        category: requests.category,
        status: requests.status,
        urgency: requests.urgency,
        channel: requests.channel,
        regionCode: requests.regionCode,
        amountAtStakeFen: requests.amountAtStakeFen,
        submittedAt: requests.submittedAt,
        enterpriseName: enterprises.name,
        expertName: experts.name,
      })
      .from(requests)
      .innerJoin(enterprises, eq(enterprises.id, requests.enterpriseId))
      .leftJoin(experts, eq(experts.id, requests.assignedExpertId))
      .where(where)
      .orderBy(desc(requests.submittedAt))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(requests).where(where),
  ]);
  return { items, page: page.page, pageSize: page.pageSize, total: total?.n ?? 0 };
}
export type RequestListItem = Awaited<ReturnType<typeof listRequestsForActor>>["items"][number];
