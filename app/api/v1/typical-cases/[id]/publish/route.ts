// POST /api/v1/typical-cases/:id/publish - admin of the request's district: publishes a draft, its figures read from the ledger again -> 200; a known name still in the text -> 422; not a draft -> 409
import { apiRoute } from "@/lib/http/api-route";
import { publishTypicalCase } from "@/lib/typical-cases/publish-typical-case";
import { typicalCasePublishedResponse } from "@/lib/typical-cases/responses";

export const POST = apiRoute({ permission: "typicalCase.manage", response: typicalCasePublishedResponse }, async ({ actor, params }) =>
  publishTypicalCase(actor, params.id!),
);
