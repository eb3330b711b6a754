ALTER TABLE "expert_routing_profiles" ADD COLUMN "revision" bigint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "expert_routing_profiles" ADD COLUMN "written_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "expert_routing_profiles_written_idx" ON "expert_routing_profiles" USING btree ("written_xid");