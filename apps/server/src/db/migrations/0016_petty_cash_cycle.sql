CREATE TABLE "advances" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"folio" integer NOT NULL,
	"employee_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"method" text NOT NULL,
	"fund_id" uuid,
	"transfer_reference" text,
	"status" text DEFAULT 'open' NOT NULL,
	"due_date" date NOT NULL,
	"trip_scope" text,
	"trip_start" date,
	"trip_end" date,
	"handed_out_by" uuid NOT NULL,
	"handed_out_at" timestamp with time zone DEFAULT now() NOT NULL,
	"movement_id" uuid,
	"settled_expenses" numeric(14, 2),
	"settled_difference" numeric(14, 2),
	"settlement_method" text,
	"settlement_reference" text,
	"settlement_movement_id" uuid,
	"settled_by" uuid,
	"settled_at" timestamp with time zone,
	"last_reminder_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advances_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "advances_amount_positive" CHECK (amount > 0),
	CONSTRAINT "advances_method_fund" CHECK ((method = 'fund_cash' AND fund_id IS NOT NULL) OR (method = 'transfer' AND fund_id IS NULL AND movement_id IS NULL)),
	CONSTRAINT "advances_trip_dates" CHECK (trip_start IS NULL OR trip_end IS NULL OR trip_end >= trip_start),
	CONSTRAINT "advances_settled" CHECK ((status = 'settled') = (settled_at IS NOT NULL AND settled_expenses IS NOT NULL AND settled_difference IS NOT NULL)),
	CONSTRAINT "advances_settled_balance" CHECK (settled_expenses IS NULL OR settled_expenses - amount = -settled_difference)
);
--> statement-breakpoint
CREATE TABLE "approval_rules" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"min_amount" numeric(14, 2),
	"max_amount" numeric(14, 2),
	"category_id" uuid,
	"fund_id" uuid,
	"cost_center_id" uuid,
	"auto_approve" boolean DEFAULT false NOT NULL,
	"levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_rules_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "approval_rules_range" CHECK (coalesce(min_amount, 0) >= 0 AND (max_amount IS NULL OR max_amount >= coalesce(min_amount, 0))),
	CONSTRAINT "approval_rules_levels" CHECK (jsonb_typeof(levels) = 'array' AND (auto_approve OR jsonb_array_length(levels) BETWEEN 1 AND 5))
);
--> statement-breakpoint
CREATE TABLE "expense_approval_steps" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"expense_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"rule_id" uuid,
	"approver_role" text,
	"approver_id" uuid,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"last_reminder_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_approval_steps_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "expense_approval_steps_level_positive" CHECK (level >= 1),
	CONSTRAINT "expense_approval_steps_approver" CHECK ((approver_role IS NULL) <> (approver_id IS NULL)),
	CONSTRAINT "expense_approval_steps_decided" CHECK ((status IN ('approved', 'rejected')) = (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
	CONSTRAINT "expense_approval_steps_reason" CHECK (status <> 'rejected' OR reason IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "cash_counts" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"counts" jsonb NOT NULL,
	"counted_cash" numeric(14, 2) NOT NULL,
	"expected_cash" numeric(14, 2) NOT NULL,
	"difference" numeric(14, 2) NOT NULL,
	"custodian_id" uuid NOT NULL,
	"witness_id" uuid,
	"recorded_by" uuid NOT NULL,
	"notes" text,
	"movement_id" uuid,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cash_counts_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "cash_counts_non_negative" CHECK (counted_cash >= 0 AND expected_cash >= 0),
	CONSTRAINT "cash_counts_difference" CHECK (difference = counted_cash - expected_cash),
	CONSTRAINT "cash_counts_movement" CHECK ((difference = 0) = (movement_id IS NULL)),
	CONSTRAINT "cash_counts_witness_not_custodian" CHECK (witness_id IS NULL OR witness_id <> custodian_id)
);
--> statement-breakpoint
CREATE TABLE "replenishment_items" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"replenishment_id" uuid NOT NULL,
	"source_type" text NOT NULL,
	"expense_id" uuid,
	"cash_count_id" uuid,
	"amount" numeric(14, 2) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"excluded_reason" text,
	CONSTRAINT "replenishment_items_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "replenishment_items_source" CHECK ((source_type = 'expense' AND expense_id IS NOT NULL AND cash_count_id IS NULL AND amount > 0) OR (source_type = 'cash_count' AND cash_count_id IS NOT NULL AND expense_id IS NULL AND amount <> 0))
);
--> statement-breakpoint
CREATE TABLE "replenishments" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"folio" integer NOT NULL,
	"fund_id" uuid NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sat_checked_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"paid_by" uuid,
	"paid_at" timestamp with time zone,
	"payment_date" date,
	"payment_reference" text,
	"movement_id" uuid,
	"canceled_by" uuid,
	"canceled_at" timestamp with time zone,
	"cancel_reason" text,
	CONSTRAINT "replenishments_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "replenishments_total_positive" CHECK (total > 0),
	CONSTRAINT "replenishments_requester" CHECK (automatic OR requested_by IS NOT NULL),
	CONSTRAINT "replenishments_paid" CHECK ((status = 'paid') = (paid_at IS NOT NULL AND movement_id IS NOT NULL AND payment_date IS NOT NULL)),
	CONSTRAINT "replenishments_approved" CHECK (status NOT IN ('approved', 'paid') OR approved_at IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "auto_approved" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "advance_id" uuid;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "reimbursement_method" text;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "reimbursement_fund_id" uuid;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "reimbursement_reference" text;--> statement-breakpoint
ALTER TABLE "expenses" ADD COLUMN "reimbursed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "advances" ADD CONSTRAINT "advances_employee_fk" FOREIGN KEY ("organization_id","employee_id") REFERENCES "public"."memberships"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advances" ADD CONSTRAINT "advances_fund_fk" FOREIGN KEY ("organization_id","fund_id") REFERENCES "public"."funds"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advances" ADD CONSTRAINT "advances_movement_fk" FOREIGN KEY ("organization_id","movement_id") REFERENCES "public"."fund_movements"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advances" ADD CONSTRAINT "advances_settlement_movement_fk" FOREIGN KEY ("organization_id","settlement_movement_id") REFERENCES "public"."fund_movements"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_rules" ADD CONSTRAINT "approval_rules_category_fk" FOREIGN KEY ("organization_id","category_id") REFERENCES "public"."expense_categories"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_rules" ADD CONSTRAINT "approval_rules_fund_fk" FOREIGN KEY ("organization_id","fund_id") REFERENCES "public"."funds"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_rules" ADD CONSTRAINT "approval_rules_cost_center_fk" FOREIGN KEY ("organization_id","cost_center_id") REFERENCES "public"."cost_centers"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_approval_steps" ADD CONSTRAINT "expense_approval_steps_expense_fk" FOREIGN KEY ("organization_id","expense_id") REFERENCES "public"."expenses"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_approval_steps" ADD CONSTRAINT "expense_approval_steps_rule_fk" FOREIGN KEY ("organization_id","rule_id") REFERENCES "public"."approval_rules"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_counts" ADD CONSTRAINT "cash_counts_fund_fk" FOREIGN KEY ("organization_id","fund_id") REFERENCES "public"."funds"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_counts" ADD CONSTRAINT "cash_counts_custodian_fk" FOREIGN KEY ("organization_id","custodian_id") REFERENCES "public"."memberships"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_counts" ADD CONSTRAINT "cash_counts_witness_fk" FOREIGN KEY ("organization_id","witness_id") REFERENCES "public"."memberships"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_counts" ADD CONSTRAINT "cash_counts_movement_fk" FOREIGN KEY ("organization_id","movement_id") REFERENCES "public"."fund_movements"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replenishment_items" ADD CONSTRAINT "replenishment_items_replenishment_fk" FOREIGN KEY ("organization_id","replenishment_id") REFERENCES "public"."replenishments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replenishment_items" ADD CONSTRAINT "replenishment_items_expense_fk" FOREIGN KEY ("organization_id","expense_id") REFERENCES "public"."expenses"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replenishment_items" ADD CONSTRAINT "replenishment_items_cash_count_fk" FOREIGN KEY ("organization_id","cash_count_id") REFERENCES "public"."cash_counts"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replenishments" ADD CONSTRAINT "replenishments_fund_fk" FOREIGN KEY ("organization_id","fund_id") REFERENCES "public"."funds"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replenishments" ADD CONSTRAINT "replenishments_requester_fk" FOREIGN KEY ("organization_id","requested_by") REFERENCES "public"."memberships"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replenishments" ADD CONSTRAINT "replenishments_movement_fk" FOREIGN KEY ("organization_id","movement_id") REFERENCES "public"."fund_movements"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advances_folio_key" ON "advances" USING btree ("organization_id","folio");--> statement-breakpoint
CREATE INDEX "advances_employee_idx" ON "advances" USING btree ("organization_id","employee_id","status");--> statement-breakpoint
CREATE INDEX "approval_rules_position_idx" ON "approval_rules" USING btree ("organization_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "expense_approval_steps_level_key" ON "expense_approval_steps" USING btree ("organization_id","expense_id","level");--> statement-breakpoint
CREATE INDEX "expense_approval_steps_pending_idx" ON "expense_approval_steps" USING btree ("organization_id","approver_role","approver_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "cash_counts_fund_idx" ON "cash_counts" USING btree ("organization_id","fund_id","counted_at");--> statement-breakpoint
CREATE INDEX "replenishment_items_replenishment_idx" ON "replenishment_items" USING btree ("organization_id","replenishment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "replenishment_items_expense_once" ON "replenishment_items" USING btree ("organization_id","expense_id") WHERE active AND expense_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "replenishment_items_cash_count_once" ON "replenishment_items" USING btree ("organization_id","cash_count_id") WHERE active AND cash_count_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "replenishments_folio_key" ON "replenishments" USING btree ("organization_id","folio");--> statement-breakpoint
CREATE INDEX "replenishments_fund_idx" ON "replenishments" USING btree ("organization_id","fund_id","status");--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_advance_fk" FOREIGN KEY ("organization_id","advance_id") REFERENCES "public"."advances"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_reimbursement_fund_fk" FOREIGN KEY ("organization_id","reimbursement_fund_id") REFERENCES "public"."funds"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expenses_advance_idx" ON "expenses" USING btree ("organization_id","advance_id") WHERE advance_id IS NOT NULL;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_reimbursement" CHECK ((reimbursed_at IS NULL) = (reimbursement_method IS NULL) AND (reimbursement_fund_id IS NOT NULL) = coalesce(reimbursement_method = 'fund_cash', false) AND (reimbursement_method IS NULL OR payment_method = 'employee'));