CREATE TYPE "public"."enterprise_verification" AS ENUM('pending', 'verified', 'refused');--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "verification" "enterprise_verification";--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "claimed_credit_code" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "verification_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "verification_decided_by" uuid;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "verification_reason" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_verification_decided_by_users_id_fk" FOREIGN KEY ("verification_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_claimed_credit_code_key" ON "enterprises" USING btree ("claimed_credit_code") WHERE "enterprises"."verification" = 'pending';--> statement-breakpoint
-- Companies registered before verification existed for a code only stations had filed for took no
-- code, and their registration event said verified: false. They now wait for an admin like every
-- new registration: the earliest registration per code claims it (a later one keeps no claim).
UPDATE "enterprises" AS e
SET "verification" = 'pending', "claimed_credit_code" = claim.code
FROM (
  SELECT DISTINCT ON (ev.data ->> 'creditCode') ev.entity_id AS id, ev.data ->> 'creditCode' AS code
  FROM "events" ev
  WHERE ev.type = 'enterprise.registered' AND ev.entity_type = 'enterprise' AND ev.data ->> 'verified' = 'false'
  ORDER BY ev.data ->> 'creditCode', ev.at, ev.id
) AS claim
WHERE e.id::text = claim.id AND e.credit_code IS NULL;
