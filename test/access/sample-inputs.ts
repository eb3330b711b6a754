import { randomBytes, randomInt } from "node:crypto";
import { db } from "@/db";
import { enterprises, users } from "@/db/schema";
import { vettingChecks } from "@/lib/enums";
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from "@/lib/credit-code";
import { NO_PASSWORD_YET } from "@/lib/accounts/password-links";
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

/** A fresh valid credit code registered in `county` (its characters 3-8). */
export function freshCreditCode(county = "330421") {
  let first17 = `91${county}`;
  while (first17.length < 17) first17 += CREDIT_CODE_CHARSET.charAt(randomInt(CREDIT_CODE_CHARSET.length));
  return first17 + creditCodeCheckCharacter(first17);
}

/** A company that registered itself with a code of 嘉善县 and waits for an admin's verification. */
export async function pendingCompany() {
  serial += 1;
  const name = `待核验公司${serial}${randomBytes(2).toString("hex")}`;
  const [company] = await db
    .insert(enterprises)
    .values({ name, nameNormalized: name, claimedCreditCode: freshCreditCode(), verification: "pending", contactName: "周经理" })
    .returning({ id: enterprises.id });
  await db.insert(users).values({
    email: `pending-${serial}-${randomBytes(3).toString("hex")}@test.example`,
    passwordHash: NO_PASSWORD_YET,
    role: "enterprise",
    name: "周经理",
    enterpriseId: company!.id,
  });
  return company!.id;
}

/** A fresh colleague in the world's company (invited, no password yet), for a member to remove. */
export async function aColleague(world: World) {
  serial += 1;
  const [user] = await db
    .insert(users)
    .values({
      email: `colleague-${serial}-${randomBytes(3).toString("hex")}@test.example`,
      passwordHash: NO_PASSWORD_YET,
      role: "enterprise",
      name: `同事${serial}`,
      enterpriseId: world.enterprise.enterpriseId,
    })
    .returning({ id: users.id });
  return user!.id;
}

/** A colleague to invite into the world's company. */
export function newColleague() {
  serial += 1;
  return { email: `invitee-${serial}-${randomBytes(3).toString("hex")}@test.example`, name: `新同事${serial}` };
}
