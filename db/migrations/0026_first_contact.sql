CREATE TYPE "public"."contact_method" AS ENUM('phone', 'visit', 'online', 'message');--> statement-breakpoint
CREATE TABLE "request_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"contacted_at" timestamp with time zone NOT NULL,
	"method" "contact_method" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_contacts" ADD CONSTRAINT "request_contacts_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_contacts" ADD CONSTRAINT "request_contacts_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_contacts_request_idx" ON "request_contacts" USING btree ("request_id","contacted_at");