ALTER TABLE "users" ADD COLUMN "email_notifications" text DEFAULT 'all' NOT NULL;--> statement-breakpoint
-- Hand-added: the experts' preference moves to their accounts before its column goes.
UPDATE "users" SET "email_notifications" = CASE WHEN "experts"."notify_by_email" IN ('all', 'important', 'none') THEN "experts"."notify_by_email" ELSE 'all' END FROM "experts" WHERE "experts"."user_id" = "users"."id";--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_notifications_check" CHECK ("users"."email_notifications" in ('all', 'important', 'none'));--> statement-breakpoint
ALTER TABLE "experts" DROP COLUMN "notify_by_email";
