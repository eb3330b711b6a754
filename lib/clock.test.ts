import { afterEach, describe, expect, it } from "vitest";
import { PgDialect } from "drizzle-orm/pg-core";
import { clockSql, currentTime, setClock, todayInShanghai } from "./clock";

const render = (query: ReturnType<typeof clockSql>) => new PgDialect().sqlToQuery(query);

afterEach(() => setClock(null));

describe("the domain's clock", () => {
  it("stands still where a test set it, in JavaScript and in SQL, and runs again when released", () => {
    const at = new Date("2026-03-01T16:30:00Z");
    setClock(at);
    expect(currentTime()).toEqual(at);
    // half past midnight on 2 March in Shanghai
    expect(todayInShanghai()).toBe("2026-03-02");
    expect(render(clockSql())).toMatchObject({ sql: "$1::timestamptz", params: [at.toISOString()] });
    setClock(null);
    expect(currentTime()).not.toEqual(at);
    expect(render(clockSql()).sql).toBe("now()");
  });

  it("lets a caller's own moment win over the clock", () => {
    setClock(new Date("2026-03-01T00:00:00Z"));
    const mine = new Date("2027-01-01T00:00:00Z");
    expect(render(clockSql(mine)).params).toEqual([mine.toISOString()]);
  });
});
