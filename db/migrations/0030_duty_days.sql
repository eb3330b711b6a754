CREATE TYPE "public"."booking_status" AS ENUM('booked', 'cancelled', 'attended', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."company_visit_status" AS ENUM('proposed', 'confirmed', 'declined', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."duty_period" AS ENUM('am', 'pm', 'day');--> statement-breakpoint
CREATE TYPE "public"."duty_session_status" AS ENUM('planned', 'confirmed', 'declined', 'cancelled', 'held');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"station_id" uuid,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_owner_check" CHECK (("calendar_feeds"."user_id" is null) <> ("calendar_feeds"."station_id" is null))
);
--> statement-breakpoint
CREATE TABLE "case_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"worked_on" date NOT NULL,
	"minutes" smallint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_hours_minutes_check" CHECK ("case_hours"."minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "company_visit_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"finding" text NOT NULL,
	"recommendation" text DEFAULT '' NOT NULL,
	"needs_work" boolean DEFAULT false NOT NULL,
	"request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"planned_by" uuid NOT NULL,
	"visit_on" date NOT NULL,
	"purpose" text NOT NULL,
	"status" "company_visit_status" DEFAULT 'proposed' NOT NULL,
	"reason" text,
	"summary" text,
	"answered_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"booked_by" uuid NOT NULL,
	"enterprise_id" uuid,
	"topic" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"status" "booking_status" DEFAULT 'booked' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"marked_at" timestamp with time zone,
	"marked_by" uuid,
	"advice_note" text,
	"request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_expert_halves" (
	"expert_id" uuid NOT NULL,
	"date" date NOT NULL,
	"half" text NOT NULL,
	"session_id" uuid NOT NULL,
	CONSTRAINT "duty_expert_halves_expert_id_date_half_pk" PRIMARY KEY("expert_id","date","half"),
	CONSTRAINT "duty_expert_halves_half_check" CHECK ("duty_expert_halves"."half" in ('am', 'pm'))
);
--> statement-breakpoint
CREATE TABLE "duty_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"date" date NOT NULL,
	"period" "duty_period" NOT NULL,
	"slots" smallint NOT NULL,
	"booked" smallint DEFAULT 0 NOT NULL,
	"status" "duty_session_status" DEFAULT 'planned' NOT NULL,
	"series_id" uuid,
	"planned_by" uuid NOT NULL,
	"reason" text,
	"answered_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"held_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_sessions_slots_check" CHECK ("duty_sessions"."slots" between 1 and 50),
	CONSTRAINT "duty_sessions_booked_check" CHECK ("duty_sessions"."booked" between 0 and "duty_sessions"."slots")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_hours" ADD CONSTRAINT "case_hours_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_hours" ADD CONSTRAINT "case_hours_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_visit_findings" ADD CONSTRAINT "company_visit_findings_visit_id_company_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."company_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_visit_findings" ADD CONSTRAINT "company_visit_findings_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_visits" ADD CONSTRAINT "company_visits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_visits" ADD CONSTRAINT "company_visits_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_visits" ADD CONSTRAINT "company_visits_planned_by_users_id_fk" FOREIGN KEY ("planned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_bookings" ADD CONSTRAINT "duty_bookings_session_id_duty_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."duty_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_bookings" ADD CONSTRAINT "duty_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_bookings" ADD CONSTRAINT "duty_bookings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_bookings" ADD CONSTRAINT "duty_bookings_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_bookings" ADD CONSTRAINT "duty_bookings_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_expert_halves" ADD CONSTRAINT "duty_expert_halves_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_expert_halves" ADD CONSTRAINT "duty_expert_halves_session_id_duty_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."duty_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_sessions" ADD CONSTRAINT "duty_sessions_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_sessions" ADD CONSTRAINT "duty_sessions_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_sessions" ADD CONSTRAINT "duty_sessions_planned_by_users_id_fk" FOREIGN KEY ("planned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token" ON "calendar_feeds" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_user" ON "calendar_feeds" USING btree ("user_id") WHERE "calendar_feeds"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_station" ON "calendar_feeds" USING btree ("station_id") WHERE "calendar_feeds"."station_id" is not null;--> statement-breakpoint
CREATE INDEX "case_hours_request_idx" ON "case_hours" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "case_hours_expert_idx" ON "case_hours" USING btree ("expert_id","worked_on");--> statement-breakpoint
CREATE INDEX "company_visit_findings_visit_idx" ON "company_visit_findings" USING btree ("visit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "company_visit_findings_request_idx" ON "company_visit_findings" USING btree ("request_id") WHERE "company_visit_findings"."request_id" is not null;--> statement-breakpoint
CREATE INDEX "company_visits_enterprise_idx" ON "company_visits" USING btree ("enterprise_id","visit_on");--> statement-breakpoint
CREATE INDEX "company_visits_expert_idx" ON "company_visits" USING btree ("expert_id","visit_on");--> statement-breakpoint
CREATE INDEX "duty_bookings_session_idx" ON "duty_bookings" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "duty_bookings_booked_by_idx" ON "duty_bookings" USING btree ("booked_by");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_bookings_one_per_phone" ON "duty_bookings" USING btree ("session_id","contact_phone") WHERE "duty_bookings"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "duty_bookings_request_idx" ON "duty_bookings" USING btree ("request_id") WHERE "duty_bookings"."request_id" is not null;--> statement-breakpoint
CREATE INDEX "duty_expert_halves_session_idx" ON "duty_expert_halves" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "duty_sessions_station_date_idx" ON "duty_sessions" USING btree ("station_id","date");--> statement-breakpoint
CREATE INDEX "duty_sessions_expert_date_idx" ON "duty_sessions" USING btree ("expert_id","date");--> statement-breakpoint
CREATE INDEX "duty_sessions_series_idx" ON "duty_sessions" USING btree ("series_id") WHERE "duty_sessions"."series_id" is not null;