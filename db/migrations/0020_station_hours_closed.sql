ALTER TABLE "stations" ADD COLUMN "hours" text;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;