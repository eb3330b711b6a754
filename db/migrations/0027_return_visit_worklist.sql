CREATE TABLE "return_visit_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"return_visit_id" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closing_note" text,
	CONSTRAINT "return_visit_follow_ups_closed_check" CHECK (("return_visit_follow_ups"."closed_at" is null and "return_visit_follow_ups"."closed_by" is null and "return_visit_follow_ups"."closing_note" is null) or ("return_visit_follow_ups"."closed_at" is not null and "return_visit_follow_ups"."closed_by" is not null and length(trim("return_visit_follow_ups"."closing_note")) > 0))
);
--> statement-breakpoint
ALTER TABLE "return_visits" ALTER COLUMN "summary" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "return_visits" ADD COLUMN "method" "contact_method";--> statement-breakpoint
ALTER TABLE "return_visit_follow_ups" ADD CONSTRAINT "return_visit_follow_ups_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visit_follow_ups" ADD CONSTRAINT "return_visit_follow_ups_return_visit_id_return_visits_id_fk" FOREIGN KEY ("return_visit_id") REFERENCES "public"."return_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_visit_follow_ups" ADD CONSTRAINT "return_visit_follow_ups_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "return_visit_follow_ups_visit" ON "return_visit_follow_ups" USING btree ("return_visit_id");--> statement-breakpoint
CREATE INDEX "return_visit_follow_ups_request_idx" ON "return_visit_follow_ups" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "return_visit_follow_ups_open_idx" ON "return_visit_follow_ups" USING btree ("opened_at") WHERE "return_visit_follow_ups"."closed_at" is null;