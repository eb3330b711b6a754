import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { offers, requests } from "@/db/schema";
import type { RequestStatus } from "@/lib/enums";
import type { Actor } from "@/lib/authz";
import { fileRequest } from "@/lib/requests/file-request";
import type { FileRequestInput } from "@/lib/requests/schemas";

// Helpers for the database tests of requests.

export function requestInput(overrides: Partial<FileRequestInput> = {}): FileRequestInput {
  return {
    title: "30 张发票的货款未付",
    category: "debt_collection",
    specialties: ["debt_collection"],
    description: "2025 年起陆续供货，对方至今未付款。",
    counterparties: [
      { name: "嘉兴（某）贸易 有限公司", creditCode: undefined },
      { name: "上海某科技有限公司", creditCode: undefined },
    ],
    urgency: "normal",
    regionCode: "330421002",
    amountAtStakeFen: 128_000_050n,
    ...overrides,
  };
}

/** Files a request as the enterprise and returns its id. */
export async function fileAs(actor: Actor, overrides: Partial<FileRequestInput> = {}): Promise<string> {
  return (await fileRequest(actor, requestInput(overrides))).id;
}

/** Puts a request straight into a later state with an expert (what routing and acceptance would do). */
export async function moveTo(requestId: string, status: RequestStatus, expert?: Actor): Promise<void> {
  const assigned = ["accepted", "in_progress", "resolved", "closed"].includes(status);
  await db
    .update(requests)
    .set({ status, assignedExpertId: assigned ? expert?.expertId : null, ...(status === "resolved" ? { resolvedAt: new Date() } : {}) })
    .where(eq(requests.id, requestId));
  if (expert?.expertId && (status === "offered" || assigned)) {
    await db
      .insert(offers)
      .values({ requestId, expertId: expert.expertId, status: assigned ? "accepted" : "pending", expiresAt: new Date(Date.now() + 48 * 3_600_000) });
  }
}

/**
 * Years of a zone's history, for tests of query plans: `count` cases of the company's, closed (filed
 * every 12 hours from 2020, each with `expertId`, the first with `firstCaseExpertId` when given, last
 * changed when it closed), then ANALYZE, so the planner weighs the indexes as on a real roster.
 */
export async function insertClosedHistory(
  company: Actor,
  options: { regionCode: string; expertId: string; firstCaseExpertId?: string; count?: number },
): Promise<void> {
  await db.execute(sql`insert into requests (title, category, description, status, region_code, enterprise_id, filed_by_user_id,
      assigned_expert_id, submitted_at, accepted_at, resolved_at, closed_at, updated_at, case_number)
    select '往年的案件', 'debt_collection', '-', 'closed', ${options.regionCode}, ${company.enterpriseId}, ${company.userId},
      case when g = 1 then ${options.firstCaseExpertId ?? options.expertId}::uuid else ${options.expertId}::uuid end,
      t, t + interval '1 day', t + interval '20 days', t + interval '30 days', t + interval '30 days', 'HISTORY-' || g
    from generate_series(1, ${options.count ?? 3000}) g, lateral (select timestamptz '2020-01-01 09:00+08' + g * interval '12 hours' as t) at`);
  await db.execute(sql`analyze requests`);
}
