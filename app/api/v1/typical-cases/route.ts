// GET /api/v1/typical-cases - anyone: the published typical cases (anonymised), the newest first, with their figures from the ledger; paginated
// POST /api/v1/typical-cases - admin of the request's district: { requestId (a closed request), titleZh, titleEn?, storyZh, storyEn?, companyConsent } -> 201 { id, status: "draft" }; not closed or already drafted -> 409
import { apiRoute, created } from "@/lib/http/api-route";
import { cachedTypicalCases } from "@/lib/public-cache/reads";
import { draftTypicalCase } from "@/lib/typical-cases/draft-typical-case";
import { typicalCaseDraftedResponse, typicalCaseListResponse } from "@/lib/typical-cases/responses";
import { draftTypicalCaseSchema, typicalCaseListQuery } from "@/lib/typical-cases/schemas";

export const GET = apiRoute({ permission: "public", query: typicalCaseListQuery, response: typicalCaseListResponse }, async ({ query }) => {
  const page = await cachedTypicalCases(query);
  return {
    ...page,
    items: page.items.map(({ titleEn, storyEn, ...item }) => ({ ...item, titleEn: titleEn ?? undefined, storyEn: storyEn ?? undefined })),
  };
});

export const POST = apiRoute(
  { permission: "typicalCase.manage", body: draftTypicalCaseSchema, response: typicalCaseDraftedResponse, status: 201, errors: ["not_found"] },
  async ({ actor, body }) => created(await draftTypicalCase(actor, body)),
);
