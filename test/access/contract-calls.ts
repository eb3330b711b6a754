import { eq } from "drizzle-orm";
import { db } from "@/db";
import { experts } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { applyToJoin } from "@/lib/roster/apply-to-join";
import { bearerFor, createEnterpriseActor, TEST_PASSWORD } from "../fixtures";
import { applicant } from "./sample-inputs";
import { rowsByRoute, type Tokens } from "./routes";
import type { Call, World } from "./types";

// The successful call of each route whose access row no actor passes: the access suite sends JSON
// and a wrong password, while these take a file or the right password.

export interface ContractCall extends Call {
  token: string;
  /** A multipart form, sent instead of the JSON body. */
  form?: FormData;
}

const stamp = String(Date.now()).slice(-6);
let serial = 0;
function rosterCsv() {
  serial += 1;
  const licence = `1330421${stamp}${String(serial).padStart(4, "0")}`;
  return [
    "姓名,执业证号,电子邮箱,手机号码,职务/职称,执业机构,常驻地区,服务地区,专业领域,工作语言,服务方式,执业年限,接案上限,个人简介,聘期开始,聘期结束",
    `契约甲,${licence},contract-${stamp}-${serial}@test.example,13900000001,律师,浙江嘉善契约律师事务所,嘉善县,嘉善县,债权清收,普通话,线上,12,6,擅长催收。,2026-01-01,2029-01-01`,
    "坏证号,12345,bad-licence@test.example,,律师,某律所,嘉善县,嘉善县,债权清收,,,5,,,,",
  ].join("\r\n");
}

const formWith = (name: string, content: BlobPart) => {
  const form = new FormData();
  form.set("file", new File([content], name));
  return form;
};

const rosterUpload = (_world: World, tokens: Tokens): ContractCall => ({ token: tokens.admin, form: formWith("名册.csv", rosterCsv()) });

export const contractCalls: Record<string, (world: World, tokens: Tokens) => Promise<ContractCall> | ContractCall> = {
  "POST /api/v1/experts/import/preview": rosterUpload,
  "POST /api/v1/experts/import": rosterUpload,
  "POST /api/v1/experts/import/rejected": rosterUpload,
  "POST /api/v1/requests/[id]/attachments": async (world, tokens) => ({
    ...(await rowsByRoute.get("POST /api/v1/requests/[id]/attachments")!.setup!(world)),
    token: tokens.enterprise,
    form: formWith("合同.pdf", Buffer.from("%PDF-1.4\n%%EOF\n")),
  }),
  // The applicant themself, a new account of its own: licence evidence for their own application.
  "POST /api/v1/expert-applications/[id]/documents": async () => {
    const { id, expertId } = await applyToJoin({ ...applicant(), bio: undefined, serviceModes: ["online"], languages: ["zh"], privacyConsent: true });
    const [row] = await db.select({ userId: experts.userId }).from(experts).where(eq(experts.id, expertId));
    return {
      params: { id },
      token: await bearerFor((await loadActor(row!.userId))!),
      form: formWith("执业证.pdf", Buffer.from("%PDF-1.4\n%%EOF\n")),
    };
  },
  // Someone of their own: a new password must not get in the way of the world's actors.
  "POST /api/v1/me/password": async () => ({
    token: await bearerFor(await createEnterpriseActor()),
    body: { currentPassword: TEST_PASSWORD, newPassword: "a fresh passphrase 2026" },
  }),
};
