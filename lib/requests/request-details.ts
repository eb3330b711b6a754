import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { experts, regions, requestCounterparties, requests, requestSpecialties, specialties } from "@/db/schema";
import { AppError, type FieldErrors } from "@/lib/errors";
import { normalizeCompanyName } from "@/lib/names";
import type { FileRequestInput } from "./schemas";

type Details = Pick<FileRequestInput, "regionCode" | "specialties" | "counterparties" | "preferredExpertId">;

/** What the filer says about a request (the fields filed, and rewritten when amending), as its columns. */
export type FiledFields = Omit<FileRequestInput, "specialties" | "counterparties" | "enterprise">;

/**
 * The request's own columns from what the filer typed: filing inserts them, amending sets them.
 * The one place a new field of the form meets the table (specialties and counterparties have
 * tables of their own, below).
 */
export function requestColumns(input: FiledFields) {
  return {
    title: input.title,
    category: input.category,
    description: input.description,
    urgency: input.urgency,
    regionCode: input.regionCode,
    language: input.language ?? null,
    serviceMode: input.serviceMode ?? null,
    amountAtStakeFen: input.amountAtStakeFen,
    preferredExpertId: input.preferredExpertId ?? null,
  } satisfies Partial<typeof requests.$inferInsert>;
}

/**
 * The codes and ids a filing refers to must exist: an unknown region, specialty or expert is a
 * field message (422), not a foreign-key error.
 */
export async function checkRequestReferences(tx: Tx, input: Details): Promise<void> {
  const fields: FieldErrors = {};
  const [region] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.code, input.regionCode));
  if (!region) fields.regionCode = "errors.field.unknownRegion";
  const wanted = [...new Set(input.specialties)];
  if (wanted.length) {
    const known = await tx.select({ code: specialties.code }).from(specialties).where(inArray(specialties.code, wanted));
    if (known.length !== wanted.length) fields.specialties = "errors.field.unknownSpecialty";
  }
  if (input.preferredExpertId) {
    const [expert] = await tx.select({ id: experts.id }).from(experts).where(eq(experts.id, input.preferredExpertId));
    if (!expert) fields.preferredExpertId = "errors.field.invalid";
  }
  if (Object.keys(fields).length) throw new AppError("invalid_input", "errors.invalidInput", { fields });
}

/** Writes (or, when amending, rewrites) a request's specialties and counterparties. */
export async function writeRequestDetails(tx: Tx, requestId: string, input: Details, options: { replace?: boolean } = {}): Promise<void> {
  if (options.replace) {
    await tx.delete(requestSpecialties).where(eq(requestSpecialties.requestId, requestId));
    await tx.delete(requestCounterparties).where(eq(requestCounterparties.requestId, requestId));
  }
  const codes = [...new Set(input.specialties)];
  if (codes.length) await tx.insert(requestSpecialties).values(codes.map((specialtyCode) => ({ requestId, specialtyCode })));
  if (input.counterparties.length) {
    await tx.insert(requestCounterparties).values(
      input.counterparties.map((c) => ({
        requestId,
        name: c.name,
        // Normalised once here, so conflict checks compare "某（嘉兴）公司" and "某(嘉兴)公司" as one.
        nameNormalized: normalizeCompanyName(c.name),
        creditCode: c.creditCode ?? null,
      })),
    );
  }
}
