CREATE TABLE "expense_limit_policies" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"category_id" uuid,
	"max_per_expense" numeric(14, 2),
	"cfdi_required_above" numeric(14, 2),
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_limit_policies_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "expense_limit_policies_positive" CHECK (coalesce(max_per_expense, 1) > 0 AND coalesce(cfdi_required_above, 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "expense_limit_policies" ADD CONSTRAINT "expense_limit_policies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_limit_policies" ADD CONSTRAINT "expense_limit_policies_category_fk" FOREIGN KEY ("organization_id","category_id") REFERENCES "public"."expense_categories"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expense_limit_policies_scope_key" ON "expense_limit_policies" USING btree ("organization_id",coalesce("category_id", '00000000-0000-0000-0000-000000000000'::uuid));