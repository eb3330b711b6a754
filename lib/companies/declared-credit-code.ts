import { sql } from "drizzle-orm";
import { enterprises } from "@/db/schema";

/** A company's credit code as shown with its requests: the one it holds, or while it waits for verification the one it claims. */
export const declaredCreditCode = sql<
  string | null
>`coalesce(${enterprises.creditCode}, case when ${enterprises.verification} = 'pending' then ${enterprises.claimedCreditCode} end)`;
