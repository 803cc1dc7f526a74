CREATE TABLE "organization_fiscal_data" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rfc" text NOT NULL,
	"legal_name" text NOT NULL,
	"tax_regime" text NOT NULL,
	"postal_code" text NOT NULL,
	"cfdi_use" text NOT NULL,
	"invoice_email" text NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_fiscal_data_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "organization_fiscal_data_postal_code_check" CHECK (postal_code ~ '^[0-9]{5}$')
);
--> statement-breakpoint
ALTER TABLE "organization_fiscal_data" ADD CONSTRAINT "organization_fiscal_data_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organization_fiscal_data_org_key" ON "organization_fiscal_data" USING btree ("organization_id");