import { createExpertActor } from "@/test/fixtures";
import { invitedOnFreshCase, putOnPanel } from "@/test/panel-fixtures";
import { fileAs, moveTo } from "@/test/request-fixtures";
import type { AccessRow, World } from "../types";

const expertOnly = (ok: number) => ({
  anonymous: 401,
  enterprise: 403,
  otherEnterprise: 403,
  expert: ok,
  station: 403,
  admin: 403,
  otherDistrictAdmin: 403,
});

// A fresh case of world.enterprise's in 嘉善县 held by world.expert (the lead), and a fresh expert to invite.
const aCaseAndInvitee = async (world: World) => {
  const id = await fileAs(world.enterprise);
  await moveTo(id, "accepted", world.expert);
  const invitee = await createExpertActor();
  return { params: { id }, body: { expertId: invitee.expertId } };
};

/** A fresh invitation of world.expert onto a case another expert holds. */
const anInvitation = async (world: World) => ({ params: { id: (await invitedOnFreshCase(world.enterprise, world.expert)).memberId } });

export const rows: AccessRow[] = [
  {
    // the lead (world.expert) and the admins of the case's district; another district's admin does not see the case
    route: "POST /api/v1/requests/[id]/panel",
    setup: aCaseAndInvitee,
    expect: { anonymous: 401, enterprise: 403, otherEnterprise: 403, expert: 201, station: 403, admin: 201, otherDistrictAdmin: 404 },
  },
  { route: "POST /api/v1/panel-members/[id]/accept", setup: anInvitation, expect: expertOnly(200) },
  {
    route: "POST /api/v1/panel-members/[id]/decline",
    setup: async (world) => ({ ...(await anInvitation(world)), body: { reason: "当天开庭" } }),
    expect: expertOnly(200),
  },
  {
    // the lead (world.expert) and the admins of the case's district; another district's admin does not see the case
    route: "POST /api/v1/panel-members/[id]/remove",
    setup: async (world) => {
      const requestId = await fileAs(world.enterprise);
      await moveTo(requestId, "accepted", world.expert);
      return { params: { id: await putOnPanel(requestId, await createExpertActor(), world.expert) }, body: { reason: "案件方向调整" } };
    },
    expect: { anonymous: 401, enterprise: 403, otherEnterprise: 403, expert: 200, station: 403, admin: 200, otherDistrictAdmin: 404 },
  },
];
