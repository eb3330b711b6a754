DROP TRIGGER "expert_routing_profiles_pack" ON "expert_routing_profiles";--> statement-breakpoint
DROP FUNCTION "expert_routing_profile_pack"();--> statement-breakpoint
ALTER TABLE "expert_routing_profiles" DROP COLUMN "packed";
