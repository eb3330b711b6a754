import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { disputes, enterprises, requestCounterparties, requestReferrals, requests, users } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { getRequestDisputes } from "@/lib/disputes/queries";
import type { CaseFacts } from "./anonymise";

/**
 * What a request knows of the people and companies in it, for the anonymisation: the company (its
 * name and credit codes, or a person filed for), its contact, the person who filed, the referring
 * body's contact, and every counterparty of the request and of its disputes.
 */
export async function loadCaseFacts(handle: DbOrTx, requestId: string): Promise<CaseFacts> {
  const [[row], named, disputed, referral] = await Promise.all([
    handle
      .select({
        name: enterprises.name,
        creditCode: enterprises.creditCode,
        claimedCreditCode: enterprises.claimedCreditCode,
        partyKind: enterprises.partyKind,
        contactName: enterprises.contactName,
        contactPhone: enterprises.contactPhone,
        filerName: users.name,
        filerPhone: users.phone,
      })
      .from(requests)
      .innerJoin(enterprises, eq(enterprises.id, requests.enterpriseId))
      .innerJoin(users, eq(users.id, requests.filedByUserId))
      .where(eq(requests.id, requestId)),
    handle
      .select({ name: requestCounterparties.name, creditCode: requestCounterparties.creditCode })
      .from(requestCounterparties)
      .where(eq(requestCounterparties.requestId, requestId)),
    handle
      .select({ name: disputes.counterpartyName, creditCode: disputes.counterpartyCreditCode })
      .from(disputes)
      .where(eq(disputes.requestId, requestId)),
    handle
      .select({ name: requestReferrals.contactName, phone: requestReferrals.contactPhone })
      .from(requestReferrals)
      .where(eq(requestReferrals.requestId, requestId)),
  ]);
  const counterparties = new Map<string, { name: string; creditCode: string | null }>();
  for (const c of [...named, ...disputed]) if (!counterparties.has(c.name.trim())) counterparties.set(c.name.trim(), c);
  const codes = [row?.creditCode, row?.claimedCreditCode].filter((c): c is string => !!c);
  return {
    company: { name: row?.name ?? "", creditCodes: [...new Set(codes)], isPerson: row?.partyKind === "person" },
    people: [row?.contactName, row?.filerName, ...referral.map((r) => r.name)].filter((n): n is string => !!n),
    counterparties: [...counterparties.values()],
    phones: [row?.contactPhone, row?.filerPhone, ...referral.map((r) => r.phone)].filter((p): p is string => !!p),
  };
}

/** A typical case's figures: the disputes resolved and the money recovered (net of reversals). */
export interface CaseFigures {
  disputesResolved: number;
  recoveredFen: bigint;
}

/**
 * The figures of a case as its page shows them, from its disputes and the ledger (the one reading
 * of the ledger, getRequestDisputes). The caller must be a party of the case (an admin covering it).
 */
export async function caseFigures(actor: Actor, requestId: string): Promise<CaseFigures> {
  const { disputes: rows, totals } = await getRequestDisputes(actor, requestId);
  return { disputesResolved: rows.filter((d) => d.status === "resolved").length, recoveredFen: totals.recoveredFen };
}
