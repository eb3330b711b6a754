-- The directory's cached pages depend on requests only through each expert's track record: the
-- cases resolved and the ratings the routing profile keeps (lib/roster/queries/experts.ts orders and
-- shows those). Migration 0036 announced every change of a request's status, rating or expert, so
-- every triage, offer and acceptance expired the directory and, NOTIFY holding one lock for the whole
-- database from commit until the commit is on disk, made those transactions commit one at a time.
-- Only a profile whose track record really moved is announced now, once per transaction.
DROP TRIGGER IF EXISTS public_cache_requests ON requests;
--> statement-breakpoint
CREATE TRIGGER public_cache_track_records AFTER UPDATE OF cases_resolved, rating_sum, rating_count ON expert_routing_profiles
  FOR EACH ROW WHEN (
    OLD.cases_resolved IS DISTINCT FROM NEW.cases_resolved
    OR OLD.rating_sum IS DISTINCT FROM NEW.rating_sum
    OR OLD.rating_count IS DISTINCT FROM NEW.rating_count
  ) EXECUTE FUNCTION announce_public_change();
