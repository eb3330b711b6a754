import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as fileRoute } from "@/app/api/v1/requests/route";
import { GET as detailRoute } from "@/app/api/v1/requests/[id]/route";
import { POST as issueRoute } from "@/app/api/v1/requests/[id]/reply-letter/issue/route";
import { db, rowsOf } from "@/db";
import { disputes, enterprises, events, panelOpinionMembers, panelOpinions, recoveries, requestReferrals, requests } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { fileRequest } from "@/lib/requests/file-request";
import { useTestDatabase } from "@/test/database";
import { bearerFor, createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { putOnPanel } from "@/test/panel-fixtures";
import { moveTo, requestInput } from "@/test/request-fixtures";
import { idNumberCheckCharacter } from "./id-number";
import { getReplyLetter, issueReplyLetter } from "./reply-letter";

useTestDatabase();

let serial = 0;
/** A valid ID number, different on each call (a birth date in 1980 and a running sequence). */
function idNumber(): string {
  serial++;
  const first17 = `330421198001${String(10 + (serial % 18)).padStart(2, "0")}${String(100 + serial).slice(-3)}`;
  return first17 + idNumberCheckCharacter(first17);
}

const referredBy = {
  body: "嘉善县信访局",
  kind: "petitions" as const,
  contactName: "沈科长",
  contactPhone: "0573-84012345",
  reference: "善信转〔2026〕17号",
};
const body = (extra: Record<string, unknown> = {}) => ({
  title: "农民工工资拖欠",
  category: "petition_backlog",
  description: "二十余人反映工资被拖欠。",
  amountAtStakeFen: 8_640_000,
  regionCode: "330421",
  channel: "referral",
  referredBy,
  enterprise: { name: "张伟", contactName: "张伟", contactPhone: "13705739876" },
  ...extra,
});
const post = async (actor: Actor, payload: unknown) =>
  fileRoute(
    new Request("http://localhost/api/v1/requests", {
      method: "POST",
      body: JSON.stringify(payload),
      headers: { authorization: `Bearer ${await bearerFor(actor)}`, "content-type": "application/json" },
    }),
  );
const detail = async (actor: Actor, id: string) =>
  detailRoute(new Request(`http://localhost/api/v1/requests/${id}`, { headers: { authorization: `Bearer ${await bearerFor(actor)}` } }), {
    params: Promise.resolve({ id }),
  });

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** How many rows of a table hold the text anywhere in them. */
const rowsHolding = async (table: string, text: string) =>
  rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} t where t::text like ${`%${text}%`}`))[0]!.n;

describe("an admin files a referral", () => {
  let admin: Actor;
  beforeAll(async () => {
    admin = await createAdminActor("330421");
  });

  it("files it with channel referral, the referring body, and a person kept only masked and as a digest", async () => {
    const number = idNumber();
    const answer = await post(
      admin,
      body({ enterprise: { name: "张伟", contactName: "张伟", contactPhone: "13705739876", idNumber: number.toLowerCase() } }),
    );
    expect(answer.status).toBe(201);
    const filed = (await answer.json()) as { id: string; channel: string; enterpriseId: string };
    expect(filed.channel).toBe("referral");
    const [referral] = await db.select().from(requestReferrals).where(eq(requestReferrals.requestId, filed.id));
    expect(referral).toMatchObject({
      body: "嘉善县信访局",
      kind: "petitions",
      contactName: "沈科长",
      reference: "善信转〔2026〕17号",
      replyIssuedAt: null,
    });
    const [party] = await db.select().from(enterprises).where(eq(enterprises.id, filed.enterpriseId));
    expect(party).toMatchObject({ partyKind: "person", idNumberMasked: `${number.slice(0, 6)}********${number.slice(-4)}`, creditCode: null });
    expect(party!.idNumberDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(party!.idNumberDigest).not.toContain(number);
    // The number itself is nowhere: not in the party, the request, its events or notifications.
    for (const table of ["enterprises", "requests", "request_referrals", "events", "notifications"]) {
      expect(await rowsHolding(table, number), table).toBe(0);
      expect(await rowsHolding(table, number.slice(6, 14)), table).toBe(0);
    }
  });

  it("gives the same person the same digest on a later referral", async () => {
    const number = idNumber();
    const one = await fileRequest(admin, {
      ...requestInput({ regionCode: "330421" }),
      channel: "referral",
      referredBy,
      enterprise: { name: "甲", contactName: "甲", contactPhone: "13700000001", idNumber: number },
    });
    const two = await fileRequest(admin, {
      ...requestInput({ regionCode: "330421" }),
      channel: "referral",
      referredBy,
      enterprise: { name: "甲", contactName: "甲", contactPhone: "13700000001", idNumber: number },
    });
    const digests = await db
      .select({ id: enterprises.id, digest: enterprises.idNumberDigest })
      .from(enterprises)
      .where(sql`${enterprises.id} in (${one.enterpriseId}, ${two.enterpriseId})`);
    expect(digests).toHaveLength(2);
    expect(digests[0]!.digest).toBe(digests[1]!.digest);
  });

  it("refuses a wrong check digit, a referral without its body, a referring body on a hotline call, and an ID number for a company (422)", async () => {
    const number = idNumber();
    const wrong = number.slice(0, 17) + (number[17] === "0" ? "1" : "0");
    const before = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from requests`))[0]!.n;
    const bad = await post(admin, body({ enterprise: { name: "张伟", contactName: "张伟", contactPhone: "13705739876", idNumber: wrong } }));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(["enterprise.idNumber"]);
    const noBody = await post(admin, body({ referredBy: undefined }));
    expect(noBody.status).toBe(422);
    expect(((await noBody.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(["referredBy.body"]);
    expect((await post(admin, body({ channel: "hotline" }))).status).toBe(422);
    const company = await post(
      admin,
      body({ enterprise: { name: "某公司", contactName: "李", contactPhone: "13705739876", idNumber: number, kind: "company" } }),
    );
    expect(company.status).toBe(422);
    expect(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from requests`))[0]!.n).toBe(before);
  });

  it("keeps the referral to admins: a company naming the channel gets 422, another district's admin 403", async () => {
    const enterprise = await createEnterpriseActor();
    expect((await post(enterprise, body({ enterprise: undefined }))).status).toBe(422);
    const qingpu = await createAdminActor("310118");
    expect((await post(qingpu, body())).status).toBe(403);
  });

  it("shows the referral and the masked number to the admin and the assigned expert, never in lists nor to another expert", async () => {
    const number = idNumber();
    const masked = `${number.slice(0, 6)}********${number.slice(-4)}`;
    const filed = await fileRequest(admin, {
      ...requestInput({ regionCode: "330421" }),
      channel: "referral",
      referredBy: { body: "魏塘街道办事处", kind: "town", contactName: "陆主任", contactPhone: "0573-84023456" },
      enterprise: { name: "王某", contactName: "王某", contactPhone: "13700000002", idNumber: number },
    });
    const expert = await createExpertActor();
    await moveTo(filed.id, "in_progress", expert);
    for (const viewer of [admin, expert]) {
      const json = (await (await detail(viewer, filed.id)).json()) as Record<string, unknown>;
      expect(json).toMatchObject({
        channel: "referral",
        partyKind: "person",
        partyIdNumberMasked: masked,
        referredBy: { body: "魏塘街道办事处", kind: "town", contactName: "陆主任", reference: null },
      });
    }
    const other = await createExpertActor();
    expect((await detail(other, filed.id)).status).toBe(404);
    const list = await listRoute(
      new Request("http://localhost/api/v1/requests?channel=referral&pageSize=100", {
        headers: { authorization: `Bearer ${await bearerFor(admin)}` },
      }),
    );
    const text = await list.text();
    expect(text).toContain(filed.id);
    expect(text).not.toContain(masked);
    expect(text).not.toContain(number);
  });
});

describe("the reply letter", () => {
  let admin: Actor;
  let expert: Actor;
  let requestId: string;
  beforeAll(async () => {
    admin = await createAdminActor("330421");
    expert = await createExpertActor();
    const filed = await fileRequest(admin, {
      ...requestInput({ regionCode: "330421", title: "拖欠工资集体信访" }),
      channel: "referral",
      referredBy: { body: "嘉善县信访局", kind: "petitions", contactName: "沈科长", contactPhone: "0573-84012345", reference: "善信转〔2026〕9号" },
      enterprise: { name: "外来务工人员（23人）", contactName: "王建国", contactPhone: "13905731234", kind: "group" },
    });
    requestId = filed.id;
    await moveTo(requestId, "in_progress", expert);
  });

  it("waits for the outcome: not ready while the case is open, and issuing it then is refused (409)", async () => {
    const letter = await getReplyLetter(admin, requestId);
    expect(letter.ready).toBe(false);
    expect((await thrown(issueReplyLetter(admin, requestId))).code).toBe("conflict");
  });

  it("takes the money recovered from the ledger (a reversal counted, the dispute's stored figure not trusted)", async () => {
    const [dispute] = await db
      .insert(disputes)
      .values({
        requestId,
        counterpartyName: "某劳务公司",
        kind: "labor",
        claimedFen: 900_000n,
        status: "resolved",
        resolutionMethod: "调解",
        recoveredFen: 1n,
        createdBy: expert.userId,
      })
      .returning({ id: disputes.id });
    const entry = { disputeId: dispute!.id, requestId, receivedOn: "2026-11-01", method: "mediation" as const, recordedBy: expert.userId };
    const [wrong] = await db
      .insert(recoveries)
      .values({ ...entry, amountFen: 100_000n })
      .returning({ id: recoveries.id });
    await db.insert(recoveries).values({ ...entry, amountFen: -100_000n, reversesId: wrong!.id, reason: "录错" });
    await db.insert(recoveries).values([
      { ...entry, amountFen: 300_000n },
      { ...entry, amountFen: 150_050n },
    ]);
    await db.update(requests).set({ status: "closed", resolutionSummary: "工资已兑付。", closedAt: new Date() }).where(eq(requests.id, requestId));
    const letter = await getReplyLetter(admin, requestId);
    expect(letter).toMatchObject({
      ready: true,
      title: "拖欠工资集体信访",
      resolutionSummary: "工资已兑付。",
      partyKind: "group",
      referral: { body: "嘉善县信访局", reference: "善信转〔2026〕9号", replyIssuedAt: null },
      recoveredFen: 450_050n,
    });
    expect(letter.caseNumber).toMatch(/\S/);
    expect(letter.expertName).toBeTruthy();
    expect(letter.disputes).toEqual([expect.objectContaining({ counterpartyName: "某劳务公司", recoveredFen: 450_050n, status: "resolved" })]);
  });

  it("names the experts who joined the panel (会诊), not those who declined, and the panel's opinions with who agreed", async () => {
    const [joined, declined] = [await createExpertActor({ name: "会诊专家乙" }), await createExpertActor({ name: "婉拒专家丙" })];
    await putOnPanel(requestId, joined, expert, "accepted");
    await putOnPanel(requestId, declined, expert, "declined");
    const [opinion] = await db
      .insert(panelOpinions)
      .values({ requestId, body: "先行垫付工资，再向发包方追偿。", recordedBy: expert.userId })
      .returning({ id: panelOpinions.id });
    await db.insert(panelOpinionMembers).values({ opinionId: opinion!.id, expertId: joined.expertId! });
    const letter = await getReplyLetter(admin, requestId);
    expect(letter.panel).toEqual({
      memberNames: ["会诊专家乙"],
      opinions: [{ id: opinion!.id, body: "先行垫付工资，再向发包方追偿。", agreedNames: ["会诊专家乙"] }],
    });
  });

  it("is for the request's district only, and only for a referral (404)", async () => {
    expect((await thrown(getReplyLetter(await createAdminActor("310118"), requestId))).code).toBe("not_found");
    expect((await thrown(issueReplyLetter(await createAdminActor("310118"), requestId))).code).toBe("not_found");
    const hotline = await fileRequest(admin, {
      ...requestInput({ regionCode: "330421" }),
      enterprise: { name: "来电人", contactName: "来电人", contactPhone: "13700000003" },
    });
    expect((await thrown(getReplyLetter(admin, hotline.id))).code).toBe("not_found");
    expect((await thrown(getReplyLetter(expert, requestId))).code).toBe("forbidden");
  });

  it("is marked issued once: two at once record one, with one timeline event; a repeat changes nothing", async () => {
    const [a, b] = await Promise.all([issueReplyLetter(admin, requestId), issueReplyLetter(admin, requestId)]);
    expect([a.alreadyIssued, b.alreadyIssued].sort()).toEqual([false, true]);
    expect(a.issuedAt.getTime()).toBe(b.issuedAt.getTime());
    const issued = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(sql`${events.requestId} = ${requestId} and ${events.type} = 'request.reply_letter_issued'`);
    expect(issued[0]!.n).toBe(1);
    const [row] = await db.select().from(requestReferrals).where(eq(requestReferrals.requestId, requestId));
    expect(row).toMatchObject({ replyIssuedBy: admin.userId });
    const again = await issueRoute(
      new Request(`http://localhost/api/v1/requests/${requestId}/reply-letter/issue`, {
        method: "POST",
        headers: { authorization: `Bearer ${await bearerFor(admin)}` },
      }),
      { params: Promise.resolve({ id: requestId }) },
    );
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ issuedAt: a.issuedAt.toISOString(), alreadyIssued: true });
    const timeline = (await (await detail(admin, requestId)).json()) as { events: { type: string }[] };
    expect(timeline.events.filter((e) => e.type === "request.reply_letter_issued")).toHaveLength(1);
  });
});
