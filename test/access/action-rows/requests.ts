import { fileAs, moveTo } from "@/test/request-fixtures";
import type { ActionRows, ActionWorld } from "../action-types";

// Each call gets a fresh request filed by world.enterprise in 嘉善县, so one caller's success cannot affect another's.
type Stage = "returned" | "accepted" | "resolved" | "closed";
const aRequest = async (world: ActionWorld, stage?: Stage) => {
  const requestId = await fileAs(world.enterprise);
  if (stage) await moveTo(requestId, stage, world.expert);
  return requestId;
};
const fields = { title: "货款拖欠", category: "debt_collection", description: "对方拖欠货款。", regionCode: "330421002", amountYuan: "1000" };

// The filing company acts on its own request; to anyone else it does not exist.
const filerOnly = { enterprise: "ok", otherEnterprise: "not_found", station: "not_found" } as const;
// The case's parties: the filing company, the assigned expert, admins whose district it is in.
const parties = { ...filerOnly, expert: "ok", admin: "ok", otherDistrictAdmin: "not_found" } as const;
const districtAdmins = { admin: "ok", otherDistrictAdmin: "not_found" } as const;

export const rows: ActionRows = {
  "app/(portal)/requests/actions.ts": {
    fileRequestAction: {
      permission: "request.create",
      // A station files for a walk-in, an admin for a hotline caller (in its district: 嘉善县 is not 青浦区's);
      // an enterprise files for itself and the walk-in is not read.
      input: () => ({ ...fields, enterprise: { name: "来访者", contactName: "来访者", contactPhone: "13800000000" } }),
      expect: { enterprise: "ok", otherEnterprise: "ok", station: "ok", admin: "ok", otherDistrictAdmin: "forbidden" },
    },
    amendRequestAction: {
      permission: "request.amend",
      input: async (world) => ({ ...fields, requestId: await aRequest(world, "returned") }),
      expect: filerOnly,
    },
    withdrawRequestAction: {
      permission: "request.withdraw",
      input: async (world) => ({ requestId: await aRequest(world), reason: "已和解" }),
      expect: filerOnly,
    },
    triageRequestAction: {
      permission: "request.triage",
      input: async (world) => ({ requestId: await aRequest(world), decision: "accept" }),
      expect: districtAdmins,
    },
    postMessageAction: {
      permission: "message.send",
      input: async (world) => ({ requestId: await aRequest(world, "accepted"), body: "您好" }),
      expect: parties,
    },
    startRequestAction: {
      permission: "request.resolve",
      input: async (world) => ({ requestId: await aRequest(world, "accepted") }),
      expect: { expert: "ok" },
    },
    resolveRequestAction: {
      permission: "request.resolve",
      input: async (world) => ({ requestId: await aRequest(world, "accepted"), summary: "已化解" }),
      expect: { expert: "ok" },
    },
    confirmRequestAction: {
      permission: "request.confirm",
      input: async (world) => ({ requestId: await aRequest(world, "resolved"), rating: 5, comment: "满意" }),
      expect: { enterprise: "ok", otherEnterprise: "not_found" },
    },
    objectToOutcomeAction: {
      permission: "request.confirm",
      input: async (world) => ({ requestId: await aRequest(world, "resolved"), reason: "货款仍未到账" }),
      expect: { enterprise: "ok", otherEnterprise: "not_found" },
    },
    recordReturnVisitAction: {
      permission: "request.returnVisit",
      input: async (world) => ({
        requestId: await aRequest(world, "closed"),
        visitedOn: "2026-01-05",
        method: "phone",
        satisfaction: 5,
        note: "回访满意",
      }),
      expect: districtAdmins,
    },
  },
};
