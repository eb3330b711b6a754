import { sql } from "drizzle-orm";
import type { Actor } from "@/lib/authz";

/**
 * An actor whose ids are placeholders (`actorUserId`, `actorEnterpriseId`, `actorStationId`,
 * `actorExpertId`) for building a prepared query with the usual visibility rules, the key of the
 * shape those rules take for it (role, which ids it has, an admin's region scope), and the values
 * to run it with. The rules only compare the ids in SQL and test whether they are set, so a
 * placeholder stands in for any id.
 */
export function actorPlaceholders(actor: Actor): { key: string; template: Actor; values: Record<string, string> } {
  const values: Record<string, string> = { actorUserId: actor.userId };
  const placeholder = (name: string, value: string | null): string | null => {
    if (value === null) return null;
    values[name] = value;
    return sql.placeholder(name) as unknown as string;
  };
  const template: Actor = {
    ...actor,
    userId: sql.placeholder("actorUserId") as unknown as string,
    enterpriseId: placeholder("actorEnterpriseId", actor.enterpriseId),
    stationId: placeholder("actorStationId", actor.stationId),
    expertId: placeholder("actorExpertId", actor.expertId),
  };
  const has = (value: string | null) => (value === null ? "-" : "+");
  const key = `${actor.role}${has(actor.enterpriseId)}${has(actor.stationId)}${has(actor.expertId)}:${actor.regionScope ?? "*"}`;
  return { key, template, values };
}
