ALTER TABLE "report_rollups" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollups" DROP CONSTRAINT "report_rollups_pkey";
--> statement-breakpoint
ALTER TABLE "report_rollups" ADD CONSTRAINT "report_rollups_pkey" PRIMARY KEY("dimension","month","county","key","shard");--> statement-breakpoint
-- Sharded report rollups. Every filing of a county and month used to add to the same rollup rows
-- (all, channel, station, status, category, specialty…) and hold their locks until it committed,
-- so filings queued behind each other. Now a figure is the SUM of its rows over `shard`: each
-- writing transaction claims a shard no other open transaction holds (a transaction-level advisory
-- lock) and adds its deltas there, so concurrent writers touch different rows. The rebuild writes
-- shard 0 (the column's default); the daily job reports.compact-rollups folds the other shards into
-- it with report_rollups_compact(shard). The session setting clcr.rollup_shards = 1 turns sharding
-- off: every transaction adds to shard 0, one row per key as before (the benchmark compares the two).

-- The shard of the current transaction: the one it claimed already, else the lowest of 1..N no
-- other transaction holds, else (all busy) a random one, waited for. Writers only ever touch the
-- rows of the shard they hold, so they never wait on each other's rollup rows.
CREATE FUNCTION report_rollup_shard() RETURNS smallint LANGUAGE plpgsql AS $$
DECLARE
  v_shards integer := coalesce(nullif(current_setting('clcr.rollup_shards', true), '')::integer, 32);
  v_shard smallint := nullif(current_setting('clcr.rollup_shard', true), '')::smallint;
BEGIN
  IF v_shards <= 1 THEN
    RETURN 0;
  END IF;
  IF v_shard IS NOT NULL THEN
    RETURN v_shard;
  END IF;
  FOR s IN 1..v_shards LOOP
    IF pg_try_advisory_xact_lock(hashtext('report_rollups'), s) THEN
      v_shard := s;
      EXIT;
    END IF;
  END LOOP;
  IF v_shard IS NULL THEN
    v_shard := 1 + floor(random() * v_shards)::smallint;
    PERFORM pg_advisory_xact_lock(hashtext('report_rollups'), v_shard);
  END IF;
  -- remembered until the transaction ends, when the lock goes too
  PERFORM set_config('clcr.rollup_shard', v_shard::text, true);
  RETURN v_shard;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollup_add(
  p_dimensions text[], p_keys text[], p_county text, p_month date,
  p_requests_filed bigint, p_requests_resolved bigint, p_disputes_opened bigint, p_disputes_resolved bigint,
  p_claimed_fen bigint, p_recovered_fen bigint
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_shard smallint := report_rollup_shard();
BEGIN
  INSERT INTO report_rollups AS t (dimension, key, month, county, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT d.dimension, d.key, p_month, p_county, v_shard, p_requests_filed, p_requests_resolved, p_disputes_opened, p_disputes_resolved, p_claimed_fen, p_recovered_fen
  FROM unnest(p_dimensions, p_keys) AS d(dimension, key)
  -- a fixed order, so writers sharing rows (shard 0, or a shard waited for) lock them in the same order
  ORDER BY d.dimension, d.key
  ON CONFLICT (dimension, month, county, key, shard) DO UPDATE SET
    requests_filed = t.requests_filed + excluded.requests_filed,
    requests_resolved = t.requests_resolved + excluded.requests_resolved,
    disputes_opened = t.disputes_opened + excluded.disputes_opened,
    disputes_resolved = t.disputes_resolved + excluded.disputes_resolved,
    claimed_fen = t.claimed_fen + excluded.claimed_fen,
    recovered_fen = t.recovered_fen + excluded.recovered_fen;
END;
$$;
--> statement-breakpoint
-- Folds one shard into shard 0 and empties it, in the caller's (short) transaction: it waits for the
-- writer holding the shard, then keeps it, so no filing adds to it meanwhile (they take other
-- shards). Even a writer without the lock could not lose a delta: the delete re-reads a row updated
-- under it, and an insert into a row deleted under it inserts afresh. Answers the rows folded.
CREATE FUNCTION report_rollups_compact(p_shard smallint) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_folded integer;
BEGIN
  IF p_shard < 1 THEN
    RETURN 0;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('report_rollups'), p_shard);
  WITH moved AS (
    DELETE FROM report_rollups WHERE shard = p_shard
    RETURNING dimension, key, month, county, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen
  )
  INSERT INTO report_rollups AS t (dimension, key, month, county, shard, requests_filed, requests_resolved, disputes_opened, disputes_resolved, claimed_fen, recovered_fen)
  SELECT m.dimension, m.key, m.month, m.county, 0, m.requests_filed, m.requests_resolved, m.disputes_opened, m.disputes_resolved, m.claimed_fen, m.recovered_fen
  FROM moved m
  ORDER BY m.dimension, m.key, m.month, m.county
  ON CONFLICT (dimension, month, county, key, shard) DO UPDATE SET
    requests_filed = t.requests_filed + excluded.requests_filed,
    requests_resolved = t.requests_resolved + excluded.requests_resolved,
    disputes_opened = t.disputes_opened + excluded.disputes_opened,
    disputes_resolved = t.disputes_resolved + excluded.disputes_resolved,
    claimed_fen = t.claimed_fen + excluded.claimed_fen,
    recovered_fen = t.recovered_fen + excluded.recovered_fen;
  GET DIAGNOSTICS v_folded = ROW_COUNT;
  RETURN v_folded;
END;
$$;
--> statement-breakpoint
-- Case numbers drawn before the filing (lib/requests/file-request.ts): called as a statement of its
-- own, it is a transaction of its own, so the district's counter row is locked only for that short
-- moment, not through the whole filing. Its commit need not wait for the disk (synchronous_commit
-- off): the filing that uses the number commits after it, and its commit flushes the log up to and
-- including this one, so a number on a durable filing is durable too. A filing that fails after the
-- draw leaves a gap; inserts that bring no number still get one from the trigger (0023) as before.
-- `drawn_at` is the moment of filing the number's year is from: the filing stores it as submitted_at.
CREATE FUNCTION draw_case_number(p_region_code text, OUT case_number text, OUT drawn_at timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  drawn_at := now();
  case_number := next_case_number(p_region_code, drawn_at);
END;
$$;
