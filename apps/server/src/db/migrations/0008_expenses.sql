CREATE TABLE "expense_attachments" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"expense_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_attachments_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "expenses" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"spender_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"fund_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"payment_method" text NOT NULL,
	"expense_date" date NOT NULL,
	"concept" text NOT NULL,
	"category_id" uuid,
	"cost_center_id" uuid,
	"supplier_rfc" text,
	"supplier_name" text,
	"currency" text DEFAULT 'MXN' NOT NULL,
	"exchange_rate" numeric(20, 6),
	"subtotal" numeric(20, 6) NOT NULL,
	"discount" numeric(20, 6) DEFAULT '0' NOT NULL,
	"iva_transferred" numeric(20, 6) DEFAULT '0' NOT NULL,
	"ieps_transferred" numeric(20, 6) DEFAULT '0' NOT NULL,
	"isr_withheld" numeric(20, 6) DEFAULT '0' NOT NULL,
	"iva_withheld" numeric(20, 6) DEFAULT '0' NOT NULL,
	"local_taxes_transferred" numeric(20, 6) DEFAULT '0' NOT NULL,
	"local_taxes_withheld" numeric(20, 6) DEFAULT '0' NOT NULL,
	"total" numeric(20, 6) NOT NULL,
	"total_mxn" numeric(14, 2) NOT NULL,
	"invoice_pending" boolean DEFAULT false NOT NULL,
	"cfdi_uuid" text,
	"cfdi_version" text,
	"cfdi_type" text,
	"cfdi_issued_at" text,
	"cfdi_use" text,
	"cfdi_payment_form" text,
	"cfdi_payment_method" text,
	"cfdi_receiver_rfc" text,
	"cfdi_seal_tail" text,
	"sat_status" text DEFAULT 'not_checked' NOT NULL,
	"sat_checked_at" timestamp with time zone,
	"sat_detail" jsonb,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"finding_level" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expenses_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "expenses_fund_cash_has_fund" CHECK (payment_method <> 'fund_cash' OR fund_id IS NOT NULL),
	CONSTRAINT "expenses_total_positive" CHECK (total > 0 AND total_mxn > 0),
	CONSTRAINT "expenses_amounts_non_negative" CHECK (subtotal >= 0 AND discount >= 0)
);
--> statement-breakpoint
ALTER TABLE "expense_attachments" ADD CONSTRAINT "expense_attachments_expense_fk" FOREIGN KEY ("organization_id","expense_id") REFERENCES "public"."expenses"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_fund_fk" FOREIGN KEY ("organization_id","fund_id") REFERENCES "public"."funds"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_spender_fk" FOREIGN KEY ("organization_id","spender_id") REFERENCES "public"."memberships"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_category_fk" FOREIGN KEY ("organization_id","category_id") REFERENCES "public"."expense_categories"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_cost_center_fk" FOREIGN KEY ("organization_id","cost_center_id") REFERENCES "public"."cost_centers"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expense_attachments_expense_idx" ON "expense_attachments" USING btree ("organization_id","expense_id");--> statement-breakpoint
CREATE UNIQUE INDEX "expenses_cfdi_uuid_key" ON "expenses" USING btree ("organization_id","cfdi_uuid") WHERE cfdi_uuid IS NOT NULL AND status <> 'discarded';--> statement-breakpoint
CREATE INDEX "expenses_fund_idx" ON "expenses" USING btree ("organization_id","fund_id","id");--> statement-breakpoint
CREATE INDEX "expenses_spender_idx" ON "expenses" USING btree ("organization_id","spender_id","id");--> statement-breakpoint
CREATE INDEX "expenses_date_idx" ON "expenses" USING btree ("organization_id","expense_date");