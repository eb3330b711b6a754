-- Public data is cached in each app process (lib/public-cache). A committed change to a table that
-- public data is read from announces the table's name on the channel public_cache; every process
-- listens and expires the cache tags that table feeds (lib/public-cache/tags.ts). NOTIFY is
-- transactional: nothing is announced for a rolled-back change, and a change is announced only
-- once it is visible. One notification per statement (and PostgreSQL folds repeats in a transaction).
CREATE FUNCTION announce_public_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('public_cache', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER public_cache_specialties AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON specialties FOR EACH STATEMENT EXECUTE FUNCTION announce_public_change();
--> statement-breakpoint
CREATE TRIGGER public_cache_regions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions FOR EACH STATEMENT EXECUTE FUNCTION announce_public_change();
--> statement-breakpoint
CREATE TRIGGER public_cache_experts AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON experts FOR EACH STATEMENT EXECUTE FUNCTION announce_public_change();
--> statement-breakpoint
CREATE TRIGGER public_cache_expert_specialties AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON expert_specialties FOR EACH STATEMENT EXECUTE FUNCTION announce_public_change();
--> statement-breakpoint
CREATE TRIGGER public_cache_expert_regions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON expert_regions FOR EACH STATEMENT EXECUTE FUNCTION announce_public_change();
--> statement-breakpoint
CREATE TRIGGER public_cache_report_rollups AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_rollups FOR EACH STATEMENT EXECUTE FUNCTION announce_public_change();
--> statement-breakpoint
-- The directory orders by cases resolved and rating: only a change of those columns matters.
CREATE TRIGGER public_cache_requests AFTER UPDATE OF status, rating, assigned_expert_id OR DELETE OR TRUNCATE ON requests FOR EACH STATEMENT EXECUTE FUNCTION announce_public_change();
--> statement-breakpoint
CREATE TRIGGER public_cache_typical_cases AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON typical_cases FOR EACH STATEMENT EXECUTE FUNCTION announce_public_change();
--> statement-breakpoint
CREATE TRIGGER public_cache_appraisals AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appraisals FOR EACH STATEMENT EXECUTE FUNCTION announce_public_change();
