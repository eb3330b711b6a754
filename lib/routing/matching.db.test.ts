import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { categorySpecialties, events, requests, requestSpecialties } from "@/db/schema";
import { reclassifiedLines } from "@/components/requests/timeline";
import { translator } from "@/lib/i18n/translate";
import { getRequestDetail } from "@/lib/requests/queries";
import { triageRequest } from "@/lib/requests/triage-request";
import { useTestDatabase } from "@/test/database";
import { createAdminActor, createEnterpriseActor, createExpertActor } from "@/test/fixtures";
import { fileAs } from "@/test/request-fixtures";
import { createTriagedRequest } from "@/test/routing-fixtures";
import { getCategorySpecialties, updateCategorySpecialties } from "./category-specialties";
import { listCandidates, rankEligible } from "./candidates";
import { loadRoutingRequest } from "./load-routing-request";
import { reasonText } from "./reasons";
import { trackReason } from "./score";

useTestDatabase();

const zh = translator("zh-CN");
const en = translator("en");

/** A 直播带货 request the company filed without choosing a specialty, triaged and ready to route. */
async function liveStreamingRequest() {
  const enterprise = await createEnterpriseActor();
  const requestId = await createTriagedRequest(enterprise, { specialties: [] });
  await db.update(requests).set({ category: "ecommerce", title: "直播带货平台结算纠纷" }).where(eq(requests.id, requestId));
  return requestId;
}

describe("matching a request whose company chose no specialty", () => {
  it("is installed with the schema: every category implies its specialties on an empty server", async () => {
    const mapping = await getCategorySpecialties();
    expect(mapping.ecommerce).toEqual(["ecommerce"]);
    expect(mapping.lease_dispute).toEqual(["lease"]);
    expect(mapping.debt_collection).toEqual(["debt_collection", "contract"]);
  });

  it("ranks the e-commerce expert first for a 直播带货 request, and rules nobody out for lacking it", async () => {
    const admin = await createAdminActor();
    // Nearer experts of other specialties, and the one e-commerce expert a county away.
    const ip = await createExpertActor({ name: "知识产权专家", specialties: ["ip"], homeRegionCode: "330421" });
    const mediation = await createExpertActor({ name: "调解专家", specialties: ["mediation"], homeRegionCode: "330421" });
    const ecommerce = await createExpertActor({ name: "电商专家", specialties: ["ecommerce"], homeRegionCode: "310118", regions: ["310118"] });
    const requestId = await liveStreamingRequest();

    const request = (await loadRoutingRequest(db, requestId))!;
    expect(request).toMatchObject({ specialties: ["ecommerce"], specialtiesFromCategory: true });
    // Before: with the category ignored, every expert fit "all of none" and the nearer ones came first.
    const before = await rankEligible(db, { ...request, specialties: [], specialtiesFromCategory: false });
    expect(Array.from(before, (c) => c.expertId).indexOf(ecommerce.expertId!)).toBeGreaterThan(0);

    const shown = await listCandidates(admin, requestId);
    expect(shown.ranked[0]!.expertId).toBe(ecommerce.expertId);
    const ids = shown.ranked.map((c) => c.expertId);
    expect(ids).toContain(ip.expertId);
    expect(ids).toContain(mediation.expertId);
    expect(shown.excluded.map((e) => e.why.code)).not.toContain("excluded.noSpecialty");
    expect(shown.ranked[0]!.reasons).toContainEqual({ code: "categorySpecialty", params: { hits: 1, needed: 1 } });
    // The fast path routing uses agrees with the admin's list.
    const fast = await rankEligible(db, request);
    expect(Array.from(fast, (c) => [c.expertId, c.exact])).toEqual(shown.ranked.map((c) => [c.expertId, c.exact]));

    const text = reasonText(zh, "zh-CN", shown.ranked[0]!.reasons[0]!);
    expect(text).toContain("1/1");
  });

  it("follows the admins' mapping once changed, and records the change; only unscoped admins may change it", async () => {
    const admin = await createAdminActor();
    const mapping = await getCategorySpecialties();
    await expect(updateCategorySpecialties(await createAdminActor("330421"), mapping)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateCategorySpecialties(admin, { ...mapping, ecommerce: ["no_such_code"] })).rejects.toMatchObject({
      code: "invalid_input",
      options: { fields: { ecommerce: "errors.field.unknownSpecialty" } },
    });
    await updateCategorySpecialties(admin, { ...mapping, ecommerce: ["ecommerce", "contract"] });
    const [row] = await db.select().from(categorySpecialties).where(eq(categorySpecialties.category, "ecommerce"));
    expect(row!.specialtyCodes).toEqual(["ecommerce", "contract"]);
    const changes = await db.select().from(events).where(eq(events.entityId, "category_specialties"));
    expect(changes.at(-1)!.data).toEqual({ before: { ecommerce: ["ecommerce"] }, after: { ecommerce: ["ecommerce", "contract"] } });
    const request = (await loadRoutingRequest(db, await liveStreamingRequest()))!;
    expect(request.specialties).toEqual(["ecommerce", "contract"]);
    await updateCategorySpecialties(admin, mapping);
  });
});

describe("correcting category and specialties while triaging", () => {
  it("changes them with the decision and shows the change on the timeline in both languages", async () => {
    const admin = await createAdminActor();
    const enterprise = await createEnterpriseActor();
    const requestId = await fileAs(enterprise, { category: "contract_dispute", specialties: [], title: "直播带货平台结算纠纷" });

    await triageRequest(admin, requestId, { decision: "accept", category: "ecommerce", specialties: ["ecommerce", "contract"] });

    const [row] = await db.select().from(requests).where(eq(requests.id, requestId));
    expect(row).toMatchObject({ status: "triaged", category: "ecommerce" });
    const codes = (await db.select().from(requestSpecialties).where(eq(requestSpecialties.requestId, requestId))).map((r) => r.specialtyCode);
    expect(codes.sort()).toEqual(["contract", "ecommerce"]);
    const triaged = (await db.select().from(events).where(eq(events.requestId, requestId))).find((e) => e.type === "request.triage")!;
    expect(triaged.data).toMatchObject({
      reclassified: {
        before: { category: "contract_dispute", specialties: [] },
        after: { category: "ecommerce", specialties: ["contract", "ecommerce"] },
      },
    });
    const detail = await getRequestDetail(enterprise, requestId);
    const event = detail.events.find((e) => e.type === "request.triage")!;
    expect(reclassifiedLines(zh, "zh-CN", event.data)).toEqual(["类别：合同纠纷 → 电商与直播带货", "所需专业：未选择 → 合同纠纷、电子商务与直播"]);
    expect(reclassifiedLines(en, "en", event.data)).toEqual([
      expect.stringMatching(/^Category: .+ → .+$/),
      "Specialties needed: none chosen → Contract disputes, E-commerce and live streaming",
    ]);
    // Now explicit: experts without either specialty are ruled out.
    const request = (await loadRoutingRequest(db, requestId))!;
    expect(request.specialtiesFromCategory).toBe(false);
  });

  it("records nothing extra when nothing changed, and refuses an unknown code (422) leaving the request as filed", async () => {
    const admin = await createAdminActor();
    const enterprise = await createEnterpriseActor();
    const unchanged = await fileAs(enterprise, { category: "lease_dispute", specialties: ["lease"] });
    await triageRequest(admin, unchanged, { decision: "accept", category: "lease_dispute", specialties: ["lease"] });
    const step = (await db.select().from(events).where(eq(events.requestId, unchanged))).find((e) => e.type === "request.triage")!;
    expect(step.data).not.toHaveProperty("reclassified");

    const requestId = await fileAs(enterprise, { category: "lease_dispute", specialties: ["lease"] });
    await expect(triageRequest(admin, requestId, { decision: "accept", specialties: ["lease", "no_such_code"] })).rejects.toMatchObject({
      code: "invalid_input",
      options: { fields: { specialties: "errors.field.unknownSpecialty" } },
    });
    const [row] = await db.select().from(requests).where(eq(requests.id, requestId));
    expect(row!.status).toBe("submitted");
  });
});

describe("the reasons an admin reads", () => {
  it("show only figures an expert has earned (暂无记录 / No record yet) and never speak of a prior", async () => {
    const admin = await createAdminActor();
    await createExpertActor({ name: "新专家", specialties: ["ecommerce"] });
    const requestId = await liveStreamingRequest();
    const { ranked } = await listCandidates(admin, requestId);
    const fresh = ranked.find((c) => c.name === "新专家")!;
    expect(fresh.reasons).toContainEqual({ code: "track.new" });
    const texts = ranked.flatMap((c) => c.reasons.flatMap((r) => [reasonText(zh, "zh-CN", r), reasonText(en, "en", r)]));
    expect(texts.join("\n")).not.toMatch(/先验|prior/i);
    expect(texts).toContain("新专家，暂无服务记录");
    expect(texts).toContain("New expert: no record yet");

    // Offers answered but no case closed and no rating: the figures not earned say so.
    const partial = trackReason({
      offersAccepted: 1,
      offersDeclined: 1,
      offersExpired: 0,
      casesResolved: 0,
      casesReassigned: 0,
      ratingSum: 0,
      ratingCount: 0,
    });
    expect(reasonText(zh, "zh-CN", partial)).toBe("接受率 50%，化解率 暂无记录，评分 暂无记录");
    expect(reasonText(en, "en", partial)).toBe("Acceptance 50%, resolution No record yet, rating No record yet");
    const earned = trackReason({
      offersAccepted: 3,
      offersDeclined: 1,
      offersExpired: 0,
      casesResolved: 2,
      casesReassigned: 0,
      ratingSum: 9,
      ratingCount: 2,
    });
    expect(reasonText(zh, "zh-CN", earned)).toBe("接受率 75%，化解率 100%，评分 4.5");
  });
});
