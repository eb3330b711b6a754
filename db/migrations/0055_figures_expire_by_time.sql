-- The public figures are no longer announced on every change of the rollups (migration 0036's
-- trigger): every filing, resolution and recovery moves them, and NOTIFY takes one lock for the
-- whole database from the moment a notifying transaction commits until its commit is on disk, so
-- every filing waited for every other's. Each app process expires its cached figures twice a
-- second instead (lib/public-cache/listen.ts): a moved figure is served within a second, and
-- summed at most twice a second per process.
DROP TRIGGER IF EXISTS public_cache_report_rollups ON report_rollups;
