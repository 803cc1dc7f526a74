CREATE TABLE "cost_centers" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_centers_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "expense_categories" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sat_account_code" text NOT NULL,
	"account_code" text,
	"cfdi_uses" text[] NOT NULL,
	"is_fuel" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_categories_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "expense_categories_sat_account_check" CHECK (sat_account_code ~ '^[0-9]{3}(\.[0-9]{2})?$')
);
--> statement-breakpoint
CREATE TABLE "fund_movements" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"cash_delta" numeric(14, 2) NOT NULL,
	"pending_delta" numeric(14, 2) NOT NULL,
	"advances_delta" numeric(14, 2) NOT NULL,
	"authorized_delta" numeric(14, 2) NOT NULL,
	"cash_after" numeric(14, 2) DEFAULT '0' NOT NULL,
	"pending_after" numeric(14, 2) DEFAULT '0' NOT NULL,
	"advances_after" numeric(14, 2) DEFAULT '0' NOT NULL,
	"authorized_after" numeric(14, 2) DEFAULT '0' NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"memo" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_movements_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "fund_movements_amount_positive" CHECK (amount > 0),
	CONSTRAINT "fund_movements_balanced" CHECK (cash_delta + pending_delta + advances_delta = authorized_delta)
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"custodian_id" uuid NOT NULL,
	"cost_center_id" uuid,
	"currency" text DEFAULT 'MXN' NOT NULL,
	"authorized_amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"cash" numeric(14, 2) DEFAULT '0' NOT NULL,
	"pending_vouchers" numeric(14, 2) DEFAULT '0' NOT NULL,
	"open_advances" numeric(14, 2) DEFAULT '0' NOT NULL,
	"replenishment_threshold" numeric(14, 2) DEFAULT '0' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"movement_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "funds_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "funds_currency_check" CHECK (currency = 'MXN'),
	CONSTRAINT "funds_status_check" CHECK (status IN ('open', 'closed')),
	CONSTRAINT "funds_cash_non_negative" CHECK (cash >= 0),
	CONSTRAINT "funds_open_advances_non_negative" CHECK (open_advances >= 0),
	CONSTRAINT "funds_threshold_non_negative" CHECK (replenishment_threshold >= 0),
	CONSTRAINT "funds_imprest_balance" CHECK (cash + pending_vouchers + open_advances = authorized_amount),
	CONSTRAINT "funds_closed_empty" CHECK (status = 'open' OR (authorized_amount = 0 AND pending_vouchers = 0 AND open_advances = 0))
);
--> statement-breakpoint
ALTER TABLE "cost_centers" ADD CONSTRAINT "cost_centers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_categories" ADD CONSTRAINT "expense_categories_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_movements" ADD CONSTRAINT "fund_movements_fund_fk" FOREIGN KEY ("organization_id","fund_id") REFERENCES "public"."funds"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_custodian_fk" FOREIGN KEY ("organization_id","custodian_id") REFERENCES "public"."memberships"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_cost_center_fk" FOREIGN KEY ("organization_id","cost_center_id") REFERENCES "public"."cost_centers"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cost_centers_code_key" ON "cost_centers" USING btree ("organization_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "expense_categories_code_key" ON "expense_categories" USING btree ("organization_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_movements_sequence_key" ON "fund_movements" USING btree ("organization_id","fund_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "funds_name_key" ON "funds" USING btree ("organization_id",lower("name"));