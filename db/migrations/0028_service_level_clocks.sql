CREATE TYPE "public"."deadline_kind" AS ENUM('triage', 'offer', 'contact', 'resolution', 'stale');--> statement-breakpoint
CREATE TABLE "deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "deadline_kind" NOT NULL,
	"request_id" uuid NOT NULL,
	"offer_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"owed_by_role" "user_role" NOT NULL,
	"owed_by_user_id" uuid,
	"owed_by_expert_id" uuid,
	"region_code" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"remind_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"lapsed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadlines_owner_check" CHECK ("deadlines"."owed_by_role" in ('admin', 'expert'))
);
--> statement-breakpoint
CREATE TABLE "renewal_reminders" (
	"expert_id" uuid NOT NULL,
	"term_end" date NOT NULL,
	"stage" smallint NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewal_reminders_expert_id_term_end_stage_pk" PRIMARY KEY("expert_id","term_end","stage"),
	CONSTRAINT "renewal_reminders_stage_check" CHECK ("renewal_reminders"."stage" in (90, 30, 7))
);
--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_owed_by_user_id_users_id_fk" FOREIGN KEY ("owed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_owed_by_expert_id_experts_id_fk" FOREIGN KEY ("owed_by_expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_reminders" ADD CONSTRAINT "renewal_reminders_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deadlines_one_per_step" ON "deadlines" USING btree ("kind","request_id","started_at") WHERE "deadlines"."offer_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "deadlines_one_per_offer" ON "deadlines" USING btree ("offer_id") WHERE "deadlines"."offer_id" is not null;--> statement-breakpoint
CREATE INDEX "deadlines_open_idx" ON "deadlines" USING btree ("due_at") WHERE "deadlines"."done_at" is null;--> statement-breakpoint
CREATE INDEX "deadlines_request_idx" ON "deadlines" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "deadlines_region_due_idx" ON "deadlines" USING btree ("region_code","due_at");--> statement-breakpoint
CREATE INDEX "deadlines_breached_idx" ON "deadlines" USING btree ("breached_at") WHERE "deadlines"."breached_at" is not null;