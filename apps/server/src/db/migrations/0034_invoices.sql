CREATE TABLE "invoice_series" (
	"serie" text PRIMARY KEY NOT NULL,
	"next_folio" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"payment_id" uuid,
	"refund_id" uuid,
	"serie" text NOT NULL,
	"folio" integer NOT NULL,
	"subtotal" numeric(12, 2) NOT NULL,
	"iva" numeric(12, 2) NOT NULL,
	"total" numeric(12, 2) NOT NULL,
	"forma_pago" text NOT NULL,
	"receptor" jsonb NOT NULL,
	"related_uuid" text,
	"pac" text NOT NULL,
	"pac_document_id" text,
	"uuid" text,
	"xml" text,
	"stamped_at" timestamp with time zone,
	"error_code" text,
	"error_message" text,
	"error_field" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"stamping_until" timestamp with time zone,
	"cancel_motive" text,
	"replaced_by" uuid,
	"canceled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_payment_key" ON "invoices" USING btree ("organization_id","payment_id") WHERE kind = 'ingreso';--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_refund_key" ON "invoices" USING btree ("organization_id","refund_id") WHERE kind = 'egreso';--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_uuid_key" ON "invoices" USING btree ("uuid");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_serie_folio_key" ON "invoices" USING btree ("serie","folio");--> statement-breakpoint
CREATE INDEX "invoices_created_idx" ON "invoices" USING btree ("organization_id","created_at");