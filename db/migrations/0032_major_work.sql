CREATE TYPE "public"."appraisal_grade" AS ENUM('excellent', 'competent', 'basic', 'incompetent');--> statement-breakpoint
CREATE TYPE "public"."panel_member_status" AS ENUM('invited', 'accepted', 'declined', 'removed');--> statement-breakpoint
CREATE TYPE "public"."party_kind" AS ENUM('company', 'person', 'group');--> statement-breakpoint
CREATE TYPE "public"."referral_body_kind" AS ENUM('petitions', 'political_legal', 'town', 'court', 'other');--> statement-breakpoint
CREATE TYPE "public"."typical_case_status" AS ENUM('draft', 'published', 'withdrawn');--> statement-breakpoint
ALTER TYPE "public"."channel" ADD VALUE 'referral';--> statement-breakpoint
CREATE TABLE "appraisals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"grade" "appraisal_grade" NOT NULL,
	"comment" text NOT NULL,
	"figures" jsonb NOT NULL,
	"graded_by" uuid NOT NULL,
	"graded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"status" "panel_member_status" DEFAULT 'invited' NOT NULL,
	"invited_by" uuid NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "panel_opinion_members" (
	"opinion_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	CONSTRAINT "panel_opinion_members_opinion_id_expert_id_pk" PRIMARY KEY("opinion_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "panel_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"body" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_referrals" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"kind" "referral_body_kind" DEFAULT 'other' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"reference" text,
	"reply_issued_at" timestamp with time zone,
	"reply_issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "typical_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"status" "typical_case_status" DEFAULT 'draft' NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text,
	"story_zh" text NOT NULL,
	"story_en" text,
	"company_consent" boolean DEFAULT false NOT NULL,
	"consent_recorded_by" uuid,
	"consent_recorded_at" timestamp with time zone,
	"disputes_resolved" integer DEFAULT 0 NOT NULL,
	"recovered_fen" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "typical_cases_recovered_check" CHECK ("typical_cases"."recovered_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "party_kind" "party_kind" DEFAULT 'company' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "id_number_masked" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "id_number_digest" text;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_graded_by_users_id_fk" FOREIGN KEY ("graded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_opinion_members" ADD CONSTRAINT "panel_opinion_members_opinion_id_panel_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."panel_opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_opinion_members" ADD CONSTRAINT "panel_opinion_members_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_opinions" ADD CONSTRAINT "panel_opinions_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_opinions" ADD CONSTRAINT "panel_opinions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_referrals" ADD CONSTRAINT "request_referrals_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_referrals" ADD CONSTRAINT "request_referrals_reply_issued_by_users_id_fk" FOREIGN KEY ("reply_issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_consent_recorded_by_users_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "typical_cases" ADD CONSTRAINT "typical_cases_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appraisals_expert_year_key" ON "appraisals" USING btree ("expert_id","year");--> statement-breakpoint
CREATE INDEX "appraisals_year_idx" ON "appraisals" USING btree ("year","grade");--> statement-breakpoint
CREATE INDEX "case_notes_request_idx" ON "case_notes" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_members_live_key" ON "panel_members" USING btree ("request_id","expert_id") WHERE "panel_members"."status" in ('invited', 'accepted');--> statement-breakpoint
CREATE INDEX "panel_members_expert_idx" ON "panel_members" USING btree ("expert_id","status");--> statement-breakpoint
CREATE INDEX "panel_members_request_idx" ON "panel_members" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "panel_opinions_request_idx" ON "panel_opinions" USING btree ("request_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "typical_cases_request_key" ON "typical_cases" USING btree ("request_id") WHERE "typical_cases"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "typical_cases_published_idx" ON "typical_cases" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "enterprises_id_number_digest_idx" ON "enterprises" USING btree ("id_number_digest") WHERE "enterprises"."id_number_digest" is not null;