import { experts } from "@/db/schema";
import { outer } from "@/lib/sql/outer-column";

/** The outer expert's id for correlated subqueries (see outer). */
export const outerExpertId = outer(experts.id);
