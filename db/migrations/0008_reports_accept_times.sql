CREATE TABLE "report_accept_times" (
	"request_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"county" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"seconds" double precision NOT NULL,
	CONSTRAINT "report_accept_times_pkey" PRIMARY KEY("request_id","dimension","key")
);
--> statement-breakpoint
ALTER TABLE "report_accept_times" ADD CONSTRAINT "report_accept_times_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;