import { eq } from "drizzle-orm";
import { db } from "@/db";
import { expertApplications, experts, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/authz";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { consentColumns, consentData } from "@/lib/privacy/notice";
import { tellDistrictOfApplication } from "./district";
import { assertKnownCodes, replaceExpertTaxonomy } from "./reference-check";
import type { ApplyInput } from "./schemas";

const taken = (field: "email" | "licenseNumber") =>
  new AppError("conflict", "errors.invalidInput", {
    fields: { [field]: field === "email" ? "errors.field.emailTaken" : "roster.errors.licenceTaken" },
  });

/**
 * Anyone may apply to join the roster. Creates the applicant's account (role expert), the expert
 * row in `pending` (never active: only an admin's decision appoints) and the application, which goes
 * to the admins of the district of the applicant's home region (they are told). The account records
 * the privacy notice the applicant consented to, when they did (the web form requires it).
 * Throws 409 with a field message when the e-mail or licence number is already registered,
 * 422 for unknown specialty or region codes.
 */
export async function applyToJoin(input: ApplyInput): Promise<{ id: string; status: "pending"; expertId: string }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (existing) throw taken("email");
  const [sameLicence] = await db.select({ id: experts.id }).from(experts).where(eq(experts.licenseNumber, input.licenseNumber)).limit(1);
  if (sameLicence) throw taken("licenseNumber");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      await assertKnownCodes(tx, input);
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, passwordHash, role: "expert", name: input.name, phone: input.phone, ...consentColumns(input.privacyConsent) })
        .returning({ id: users.id });
      const [expert] = await tx
        .insert(experts)
        .values({
          userId: user!.id,
          status: "pending",
          name: input.name,
          title: input.title,
          organization: input.organization,
          licenseNumber: input.licenseNumber,
          phone: input.phone,
          homeRegionCode: input.homeRegionCode,
          yearsOfPractice: input.yearsOfPractice,
          bio: input.bio ?? "",
          languages: input.languages,
          serviceModes: input.serviceModes,
        })
        .returning({ id: experts.id });
      const expertId = expert!.id;
      await replaceExpertTaxonomy(tx, expertId, input);
      const [application] = await tx
        .insert(expertApplications)
        .values({
          expertId,
          details: { kind: "join", references: input.references, statement: input.statement, specialties: input.specialties, regions: input.regions },
        })
        .returning({ id: expertApplications.id });
      const applicant: Actor = {
        userId: user!.id,
        role: "expert",
        email: input.email,
        name: input.name,
        enterpriseId: null,
        stationId: null,
        expertId,
        regionScope: null,
      };
      await recordEvent(tx, applicant, {
        type: "expert.applied",
        entityType: "expert",
        entityId: expertId,
        data: { applicationId: application!.id, ...consentData(input.privacyConsent) },
      });
      await tellDistrictOfApplication(tx, { id: application!.id, kind: "join", name: input.name, homeRegionCode: input.homeRegionCode });
      return { id: application!.id, status: "pending" as const, expertId };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) throw taken("email");
    if (isUniqueViolation(error, "experts_license_key")) throw taken("licenseNumber");
    throw error;
  }
}
