CREATE TABLE "expense_rollups" (
	"organization_id" uuid NOT NULL,
	"month" date NOT NULL,
	"fund_id" uuid,
	"category_id" uuid,
	"cost_center_id" uuid,
	"count" integer DEFAULT 0 NOT NULL,
	"total" numeric(16, 2) DEFAULT '0' NOT NULL,
	"pending_count" integer DEFAULT 0 NOT NULL,
	"pending_total" numeric(16, 2) DEFAULT '0' NOT NULL,
	"non_deductible_count" integer DEFAULT 0 NOT NULL,
	"non_deductible_total" numeric(16, 2) DEFAULT '0' NOT NULL,
	"awaiting_count" integer DEFAULT 0 NOT NULL,
	"awaiting_total" numeric(16, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "expense_rollups_key" UNIQUE NULLS NOT DISTINCT("organization_id","month","fund_id","category_id","cost_center_id")
);
--> statement-breakpoint
ALTER TABLE "expense_rollups" ADD CONSTRAINT "expense_rollups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;