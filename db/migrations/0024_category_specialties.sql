CREATE TABLE "category_specialties" (
	"category" "request_category" PRIMARY KEY NOT NULL,
	"specialty_codes" text[] DEFAULT '{}' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- What each category implies, installed here so that every server has it from its first migration;
-- the zone's admins change it afterwards (it is theirs then: reference-data seeding leaves it alone).
INSERT INTO "category_specialties" ("category", "specialty_codes") VALUES
	('consultation', '{corporate}'),
	('debt_collection', '{debt_collection,contract}'),
	('contract_dispute', '{contract}'),
	('lease_dispute', '{lease}'),
	('labor', '{labor}'),
	('restructuring', '{corporate,finance}'),
	('ecommerce', '{ecommerce}'),
	('ip', '{ip}'),
	('major_mediation', '{mediation}'),
	('petition_backlog', '{petition,mediation}'),
	('risk_prevention', '{compliance,corporate}'),
	('compliance_checkup', '{compliance}')
ON CONFLICT ("category") DO NOTHING;
