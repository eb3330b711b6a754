// POST /api/v1/requests/:id/contact - the assigned expert: a contact with the company (when, how, a note) -> 201 { id }
import { apiRoute, created } from "@/lib/http/api-route";
import { recordContact } from "@/lib/requests/record-contact";
import { contactRecordedResponse } from "@/lib/requests/responses";
import { recordContactSchema } from "@/lib/requests/schemas";

export const POST = apiRoute(
  { permission: "request.contact", body: recordContactSchema, response: contactRecordedResponse, status: 201 },
  async ({ actor, params, body }) => created(await recordContact(actor, params.id!, body)),
);
