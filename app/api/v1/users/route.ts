// GET /api/v1/users - admin: the accounts of the admin's district (all for an unscoped admin), filters role, q; paginated
// POST /api/v1/users - admin: create an admin (unscoped admins only) or a station's staff (its district's admins); an invitation mail
import { createUser } from "@/lib/accounts/create-user";
import { listUsers } from "@/lib/accounts/list-users";
import { createdUserResponse, userListResponse } from "@/lib/accounts/responses";
import { createUserSchema, userListQuerySchema } from "@/lib/accounts/user-schemas";
import { apiRoute, created } from "@/lib/http/api-route";

export const GET = apiRoute({ permission: "user.list", query: userListQuerySchema, response: userListResponse }, ({ actor, query }) =>
  listUsers(actor, query),
);

export const POST = apiRoute(
  { permission: "user.create", body: createUserSchema, response: createdUserResponse, status: 201 },
  async ({ actor, body }) => created(await createUser(actor, body)),
);
