CREATE TABLE "refunds" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"total" numeric(12, 2) NOT NULL,
	"base" numeric(12, 2) NOT NULL,
	"iva" numeric(12, 2) NOT NULL,
	"unused_months" integer NOT NULL,
	"channel" text NOT NULL,
	"clabe" text,
	"status" text NOT NULL,
	"provider_refund_id" text,
	"requested_by" uuid,
	"issued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "current_payment_id" uuid;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "next_payment_id" uuid;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_payment_key" ON "refunds" USING btree ("organization_id","payment_id");