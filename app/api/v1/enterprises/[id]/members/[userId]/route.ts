// DELETE /api/v1/enterprises/:id/members/:userId - a member of that company (others 404): the account leaves the company and stops at once; the last member -> 409
import { removeMember } from "@/lib/companies/remove-member";
import { apiRoute } from "@/lib/http/api-route";

// Any signed-in caller gets past the wrapper; non-members are told 404 (lib/companies/member-access.ts).
export const DELETE = apiRoute({ permission: "me.read", status: 204 }, async ({ actor, params }) => {
  await removeMember(actor, params.id!, params.userId!);
  return new Response(null, { status: 204 });
});
