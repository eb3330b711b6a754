ALTER TABLE "users" ADD COLUMN "integration" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "token_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "issuer_id" uuid;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "region_code" text;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_issuer_id_users_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;