CREATE TABLE "expert_routing_profiles" (
	"expert_id" uuid PRIMARY KEY NOT NULL,
	"status" "expert_status" NOT NULL,
	"term_start" date,
	"term_end" date,
	"paused_until" date,
	"capacity" integer NOT NULL,
	"home_region_code" text NOT NULL,
	"languages" text[] NOT NULL,
	"service_modes" "service_mode"[] NOT NULL,
	"specialties" text[] NOT NULL,
	"served_regions" text[] NOT NULL,
	"active_cases" integer DEFAULT 0 NOT NULL,
	"pending_offers" integer DEFAULT 0 NOT NULL,
	"offers_accepted" integer DEFAULT 0 NOT NULL,
	"offers_declined" integer DEFAULT 0 NOT NULL,
	"offers_expired" integer DEFAULT 0 NOT NULL,
	"cases_resolved" integer DEFAULT 0 NOT NULL,
	"cases_reassigned" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"rating_count" integer DEFAULT 0 NOT NULL,
	"rotation_heat" double precision DEFAULT 0 NOT NULL,
	"rotation_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "expert_routing_profiles" ADD CONSTRAINT "expert_routing_profiles_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expert_routing_profiles_specialties_idx" ON "expert_routing_profiles" USING gin ("specialties");