CREATE TABLE "fund_change_requests" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"memo" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"movement_id" uuid,
	CONSTRAINT "fund_change_requests_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "fund_change_requests_amount_positive" CHECK (amount > 0),
	CONSTRAINT "fund_change_requests_decided" CHECK ((status = 'pending') = (decided_by IS NULL AND decided_at IS NULL)),
	CONSTRAINT "fund_change_requests_second_person" CHECK (status NOT IN ('approved', 'rejected') OR decided_by <> requested_by),
	CONSTRAINT "fund_change_requests_applied" CHECK (movement_id IS NULL OR status = 'approved')
);
--> statement-breakpoint
CREATE TABLE "fund_change_policies" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"second_approval_above" numeric(14, 2) NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_change_policies_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "fund_change_policies_non_negative" CHECK (second_approval_above >= 0)
);
--> statement-breakpoint
ALTER TABLE "fund_change_requests" ADD CONSTRAINT "fund_change_requests_fund_fk" FOREIGN KEY ("organization_id","fund_id") REFERENCES "public"."funds"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_change_requests" ADD CONSTRAINT "fund_change_requests_requester_fk" FOREIGN KEY ("organization_id","requested_by") REFERENCES "public"."memberships"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_change_requests" ADD CONSTRAINT "fund_change_requests_movement_fk" FOREIGN KEY ("organization_id","movement_id") REFERENCES "public"."fund_movements"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_change_policies" ADD CONSTRAINT "fund_change_policies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_change_requests_one_pending" ON "fund_change_requests" USING btree ("organization_id","fund_id") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "fund_change_policies_organization_key" ON "fund_change_policies" USING btree ("organization_id");