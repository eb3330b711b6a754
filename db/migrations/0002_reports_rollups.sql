CREATE TABLE "report_rollups" (
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"month" date NOT NULL,
	"county" text NOT NULL,
	"requests_filed" bigint DEFAULT 0 NOT NULL,
	"requests_resolved" bigint DEFAULT 0 NOT NULL,
	"disputes_opened" bigint DEFAULT 0 NOT NULL,
	"disputes_resolved" bigint DEFAULT 0 NOT NULL,
	"claimed_fen" bigint DEFAULT 0 NOT NULL,
	"recovered_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_rollups_pkey" PRIMARY KEY("dimension","month","county","key")
);
