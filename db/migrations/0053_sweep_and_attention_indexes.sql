-- Statements that read a large table whole, each given the index that serves it: the five-minute
-- sweep's requests changed since its look-back, offers made since then and clocks to mark as breached
-- (the clocks met on time were read again on every sweep), an expert's open clocks (the calendar feed),
-- and the requests needing attention (the admin's overview: a count over every request).
CREATE INDEX "requests_updated_idx" ON "requests" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "requests_attention_idx" ON "requests" USING btree ("region_code") WHERE "requests"."needs_attention";--> statement-breakpoint
CREATE INDEX "offers_created_idx" ON "offers" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "deadlines_unbreached_due_idx" ON "deadlines" USING btree ("due_at") WHERE "deadlines"."breached_at" is null and ("deadlines"."done_at" is null or "deadlines"."done_at" > "deadlines"."due_at" or ("deadlines"."lapsed" and "deadlines"."kind" = 'offer' and "deadlines"."done_at" >= "deadlines"."due_at"));--> statement-breakpoint
CREATE INDEX "deadlines_expert_open_idx" ON "deadlines" USING btree ("owed_by_expert_id","due_at") WHERE "deadlines"."done_at" is null;