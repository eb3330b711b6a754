import { sql, type SQL } from "drizzle-orm";

/**
 * The outcome of a request (API `groupBy=outcome`), from its current status and its disputes:
 * - `open`: still being handled (submitted, returned for information, triaged, offered, accepted, in progress);
 * - `resolved`: resolved or closed, and every dispute not withdrawn ended resolved (a request
 *   without disputes, such as a consultation, that was resolved counts here);
 * - `partly_resolved`: resolved or closed, some of its disputes resolved and some not;
 * - `unresolved`: resolved or closed with disputes, none of which was resolved;
 * - `withdrawn`: the company withdrew it; `rejected`: the society declined it.
 * The one definition: reports, exports, the dashboard and the annual report all use this SQL.
 * Computed from the requests and disputes as they are now, so it is never rolled up.
 */
export const requestOutcomes = ["open", "resolved", "partly_resolved", "unresolved", "withdrawn", "rejected"] as const;
export type RequestOutcome = (typeof requestOutcomes)[number];

/** SQL: the outcome of the row of `requests` in scope. */
export function outcomeSql(): SQL {
  return sql`(case
    when requests.status = 'withdrawn' then 'withdrawn'
    when requests.status = 'rejected' then 'rejected'
    when requests.status not in ('resolved', 'closed') then 'open'
    else (select case
        when count(*) filter (where od.status = 'resolved') = count(*) filter (where od.status <> 'withdrawn') then 'resolved'
        when count(*) filter (where od.status = 'resolved') > 0 then 'partly_resolved'
        else 'unresolved' end
      from disputes od where od.request_id = requests.id)
  end)`;
}
