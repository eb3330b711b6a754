CREATE TABLE "ledger_totals" (
	"which" text PRIMARY KEY NOT NULL,
	"total_fen" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- A ledger write is refused when it would take the grand total of claims or of money recorded past
-- 2^53 - 1 fen (lib/disputes/ledger-limits.ts). The check summed the whole ledger under an advisory
-- lock every ledger write takes: at 20,000,000 entries a second per write, and every write waiting
-- for the one before. Now the two totals are kept here by statement triggers, in the writing
-- transaction; the check reads one row. "recovered" counts positive entries only (a reversal nets
-- out only in the groups holding its entry); "claimed" every dispute's claim.
CREATE FUNCTION ledger_totals_rebuild() RETURNS void LANGUAGE sql AS $$
  INSERT INTO ledger_totals (which, total_fen) VALUES
    ('recovered', (SELECT coalesce(sum(amount_fen) FILTER (WHERE amount_fen > 0), 0) FROM recoveries)),
    ('claimed', (SELECT coalesce(sum(claimed_fen), 0) FROM disputes))
  ON CONFLICT (which) DO UPDATE SET total_fen = excluded.total_fen;
$$;
--> statement-breakpoint
CREATE FUNCTION ledger_totals_on_recoveries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_delta bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT coalesce(sum(amount_fen) FILTER (WHERE amount_fen > 0), 0) INTO v_delta FROM new_rows;
  ELSE
    SELECT -coalesce(sum(amount_fen) FILTER (WHERE amount_fen > 0), 0) INTO v_delta FROM old_rows;
  END IF;
  IF v_delta <> 0 THEN
    UPDATE ledger_totals SET total_fen = total_fen + v_delta WHERE which = 'recovered';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION ledger_totals_on_disputes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_delta bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT coalesce(sum(claimed_fen), 0) INTO v_delta FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT -coalesce(sum(claimed_fen), 0) INTO v_delta FROM old_rows;
  ELSE
    SELECT coalesce((SELECT sum(claimed_fen) FROM new_rows), 0) - coalesce((SELECT sum(claimed_fen) FROM old_rows), 0) INTO v_delta;
  END IF;
  IF v_delta <> 0 THEN
    UPDATE ledger_totals SET total_fen = total_fen + v_delta WHERE which = 'claimed';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_totals_recoveries_insert AFTER INSERT ON recoveries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_on_recoveries();
--> statement-breakpoint
CREATE TRIGGER ledger_totals_recoveries_delete AFTER DELETE ON recoveries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_on_recoveries();
--> statement-breakpoint
CREATE TRIGGER ledger_totals_disputes_insert AFTER INSERT ON disputes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_on_disputes();
--> statement-breakpoint
CREATE TRIGGER ledger_totals_disputes_update AFTER UPDATE ON disputes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_on_disputes();
--> statement-breakpoint
CREATE TRIGGER ledger_totals_disputes_delete AFTER DELETE ON disputes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_totals_on_disputes();
--> statement-breakpoint
SELECT ledger_totals_rebuild();
