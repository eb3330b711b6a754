import { eq } from "drizzle-orm";
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
