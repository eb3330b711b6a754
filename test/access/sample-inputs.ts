import { randomBytes } from "node:crypto";
import { vettingChecks } from "@/lib/enums";
import { creditCodeCheckCharacter } from "@/lib/credit-code";
import { applyToJoin } from "@/lib/roster/apply-to-join";
import { checkApplication } from "@/lib/roster/check-application";
import type { World } from "./types";

// Inputs the access-control suites (routes and server actions) send; each call is someone new.
let serial = 0;

/** A fresh 17-digit licence number and e-mail, so every call applies as someone new. */
export function applicant() {
  serial += 1;
  const digits = `1330421${String(Date.now()).slice(-6)}${String(serial).padStart(4, "0")}`.slice(0, 17);
  return {
    name: `申请人${serial}`,
    email: `applicant-${serial}-${randomBytes(3).toString("hex")}@test.example`,
    password: "long-enough-password",
    phone: "13900000000",
    title: "律师",
    organization: "浙江嘉善测试律师事务所",
    licenseNumber: digits,
    homeRegionCode: "330421",
    yearsOfPractice: 8,
    specialties: ["debt_collection"],
    regions: ["330421"],
    languages: ["zh"],
    serviceModes: ["online"],
    references: "嘉善县司法局 王科长",
    statement: "愿为示范区企业服务。",
  };
}

/** A fresh application waiting for a decision; `checked` when every vetting check is done. */
export async function pendingApplication(world: World, checked: boolean) {
  const { id } = await applyToJoin({ ...applicant(), bio: undefined, serviceModes: ["online"], languages: ["zh"] });
  if (checked) for (const item of vettingChecks) await checkApplication(world.admin, id, { item, checked: true, note: undefined });
  return id;
}

/** A fresh company's registration, so every caller (signed in or not) may register one. */
export function newCompany() {
  serial += 1;
  const first17 = `91330421MA2B${String(Date.now() % 100000).padStart(5, "0")}`.slice(0, 17);
  return {
    companyName: `新注册公司${serial}${Date.now()}`,
    creditCode: first17 + creditCodeCheckCharacter(first17),
    contactName: "李四",
    email: `new-${serial}-${Date.now()}@test.example`,
    password: "long-enough-password",
  };
}
