import { eq, sql } from "drizzle-orm";
import { rowsOf, type DbOrTx, type Tx } from "@/db";
import { requestCounterparties, requests, requestSpecialties } from "@/db/schema";
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
 * field message (422), not a foreign-key error. One statement, and no lock: filing asks before its
 * transaction.
 */
export async function checkRequestReferences(handle: DbOrTx, input: Details): Promise<void> {
  const wanted = [...new Set(input.specialties)];
  const codes = wanted.length
    ? sql`code in (${sql.join(
        wanted.map((code) => sql`${code}`),
        sql`, `,
      )})`
    : sql`false`;
  const expert = input.preferredExpertId ? sql`exists (select 1 from experts where id = ${input.preferredExpertId})` : sql`true`;
  const [found] = rowsOf<{ region: boolean; specialties: number; expert: boolean }>(
    await handle.execute(sql`select exists (select 1 from regions where code = ${input.regionCode}) as region,
      (select count(*)::int from specialties where ${codes}) as specialties, ${expert} as expert`),
  );
  const fields: FieldErrors = {};
  if (!found?.region) fields.regionCode = "errors.field.unknownRegion";
  if (Number(found?.specialties ?? 0) !== wanted.length) fields.specialties = "errors.field.unknownSpecialty";
  if (!found?.expert) fields.preferredExpertId = "errors.field.invalid";
  if (Object.keys(fields).length) throw new AppError("invalid_input", "errors.invalidInput", { fields });
}

/**
 * Writes (or, when amending, rewrites) a request's specialties and counterparties. The inserts are
 * sent together (one round trip in a transaction), each started in order after the request's own.
 */
export async function writeRequestDetails(tx: Tx, requestId: string, input: Details, options: { replace?: boolean } = {}): Promise<void> {
  if (options.replace) {
    await tx.delete(requestSpecialties).where(eq(requestSpecialties.requestId, requestId));
    await tx.delete(requestCounterparties).where(eq(requestCounterparties.requestId, requestId));
  }
  const codes = [...new Set(input.specialties)];
  await Promise.all([
    codes.length
      ? tx
          .insert(requestSpecialties)
          .values(codes.map((specialtyCode) => ({ requestId, specialtyCode })))
          .execute()
      : null,
    input.counterparties.length
      ? tx
          .insert(requestCounterparties)
          .values(
            input.counterparties.map((c) => ({
              requestId,
              name: c.name,
              // Normalised once here, so conflict checks compare "某（嘉兴）公司" and "某(嘉兴)公司" as one.
              nameNormalized: normalizeCompanyName(c.name),
              creditCode: c.creditCode ?? null,
            })),
          )
          .execute()
      : null,
  ]);
}
