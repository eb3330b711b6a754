-- The directory's search tests each expert the gram index returns with LIKE on the folded name,
-- organisation, title and bio, and scores where each term was found; folding (NFKC) cost most of
-- that time, paid again by every query for every candidate. These columns keep the folded text,
-- computed by the server on every write (whatever writes, triggers on or off), with the very
-- expression the search used (lib/roster/search-sql.ts), so what the search finds is unchanged.
ALTER TABLE "experts" ADD COLUMN "name_folded" text GENERATED ALWAYS AS (lower(normalize(name, NFKC))) STORED;--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "organization_folded" text GENERATED ALWAYS AS (lower(normalize(organization, NFKC))) STORED;--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "title_folded" text GENERATED ALWAYS AS (lower(normalize(title, NFKC))) STORED;--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "bio_folded" text GENERATED ALWAYS AS (lower(normalize(bio, NFKC))) STORED;