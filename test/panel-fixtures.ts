import { db } from "@/db";
import { panelMembers } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import type { PanelMemberStatus } from "@/lib/enums";
import { createExpertActor } from "./fixtures";
import { fileAs, moveTo } from "./request-fixtures";

/** For tests only: puts an expert on a case's panel straight in the database (invited unless said otherwise); returns the member id. */
export async function putOnPanel(requestId: string, expert: Actor, invitedBy: Actor, status: PanelMemberStatus = "invited"): Promise<string> {
  const [row] = await db
    .insert(panelMembers)
    .values({ requestId, expertId: expert.expertId!, invitedBy: invitedBy.userId, status, respondedAt: status === "invited" ? null : new Date() })
    .returning({ id: panelMembers.id });
  return row!.id;
}

/** A fresh case of `enterprise`'s held by a fresh lead expert, with `expert` invited onto its panel; returns the ids. */
export async function invitedOnFreshCase(enterprise: Actor, expert: Actor): Promise<{ requestId: string; memberId: string; lead: Actor }> {
  const lead = await createExpertActor();
  const requestId = await fileAs(enterprise);
  await moveTo(requestId, "accepted", lead);
  return { requestId, memberId: await putOnPanel(requestId, expert, lead), lead };
}
