// GET /api/v1/enterprises/:id/members - a member of that company (others 404): its colleagues, an invitee listed at once as "invited"
// POST /api/v1/enterprises/:id/members - a member of that company (others 404): { email, name } -> 201 and an invitation mail; a taken e-mail -> 409
import { inviteMember } from "@/lib/companies/invite-member";
import { listMembers } from "@/lib/companies/queries";
import { memberResponse, membersResponse } from "@/lib/companies/responses";
import { inviteMemberSchema } from "@/lib/companies/schemas";
import { apiRoute, created } from "@/lib/http/api-route";

// Any signed-in caller gets past the wrapper: whether they are a member is decided with the
// company, and everyone else is told 404 (lib/companies/member-access.ts), as the contract says.
export const GET = apiRoute({ permission: "me.read", response: membersResponse }, ({ actor, params }) => listMembers(actor, params.id!));

export const POST = apiRoute(
  { permission: "me.read", body: inviteMemberSchema, response: memberResponse, status: 201 },
  async ({ actor, params, body, locale }) => created(await inviteMember(actor, params.id!, body, { locale })),
);
