import { todayInShanghai } from "@/lib/clock";
import { fileAs, moveTo } from "@/test/request-fixtures";
import type { AccessRow, World } from "../types";

// A fresh case of world.enterprise's in 嘉善县, accepted by world.expert, for each call.
const aCase = async (world: World) => {
  const id = await fileAs(world.enterprise);
  await moveTo(id, "accepted", world.expert);
  return id;
};

export const rows: AccessRow[] = [
  {
    // Only the expert holding the case records hours on it; for every other role the permission table says no.
    route: "POST /api/v1/requests/[id]/hours",
    setup: async (world) => ({ params: { id: await aCase(world) }, body: { workedOn: todayInShanghai(), minutes: 90, note: "审阅合同" } }),
    expect: { anonymous: 401, enterprise: 403, otherEnterprise: 403, expert: 201, station: 403, admin: 403, otherDistrictAdmin: 403 },
  },
];
