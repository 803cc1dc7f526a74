-- Replenishments (reposiciones): I4 enforced by the database itself, whatever code writes the rows.
-- A replenishment equals its active vouchers; a voucher is in at most one active replenishment
-- (the partial unique indexes of migration 0016); each voucher is an approved expense or a counted
-- difference of the same fund; the lifecycle only moves forward; paid means a ledger movement.

-- Total = Σ active items, checked at commit (items and total change in several statements).
CREATE FUNCTION check_replenishment_total() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
  head replenishments%ROWTYPE;
  items_total numeric;
BEGIN
  -- Not a CASE: PL/pgSQL would resolve both branches' fields against the one table's row.
  IF TG_TABLE_NAME = 'replenishments' THEN
    target := NEW.id;
  ELSE
    target := NEW.replenishment_id;
  END IF;
  SELECT * INTO head FROM replenishments WHERE organization_id = NEW.organization_id AND id = target;
  -- A canceled replenishment keeps its last total for the record; its items are all inactive.
  IF NOT FOUND OR head.status = 'canceled' THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(sum(amount), 0) INTO items_total FROM replenishment_items
   WHERE organization_id = NEW.organization_id AND replenishment_id = target AND active;
  IF items_total <> head.total THEN
    RAISE EXCEPTION 'replenishment % totals % but its active vouchers add up to %', head.folio, head.total, items_total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishments_total_equals_items';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER replenishments_total_equals_items AFTER INSERT OR UPDATE ON replenishments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_replenishment_total();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER replenishment_items_total_equals_items AFTER INSERT OR UPDATE ON replenishment_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_replenishment_total();
--> statement-breakpoint
-- Born requested; then requested → approved | canceled, approved → paid | canceled; paid and
-- canceled are final. Approval by another person than the requester; the total is frozen once
-- approved; paid only with its replenishment_paid movement of the same amount and fund.
CREATE FUNCTION check_replenishment_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'requested' OR NEW.approved_at IS NOT NULL OR NEW.paid_at IS NOT NULL OR NEW.movement_id IS NOT NULL THEN
      RAISE EXCEPTION 'a replenishment is created as requested' USING ERRCODE = 'check_violation',
        CONSTRAINT = 'replenishments_born_requested';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status IN ('paid', 'canceled') THEN
    RAISE EXCEPTION 'replenishment % is already %', OLD.folio, OLD.status USING ERRCODE = 'check_violation',
      CONSTRAINT = 'replenishments_final';
  END IF;
  IF NEW.status <> OLD.status AND NOT (
       (OLD.status = 'requested' AND NEW.status IN ('approved', 'canceled'))
    OR (OLD.status = 'approved' AND NEW.status IN ('paid', 'canceled'))) THEN
    RAISE EXCEPTION 'replenishment % cannot go from % to %', OLD.folio, OLD.status, NEW.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishments_transition';
  END IF;
  IF NEW.status = 'approved' AND OLD.status = 'requested' AND NEW.approved_by IS NOT DISTINCT FROM NEW.requested_by THEN
    RAISE EXCEPTION 'replenishment % must be approved by someone other than its requester', OLD.folio
      USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishments_second_person';
  END IF;
  IF NEW.total <> OLD.total AND OLD.status <> 'requested' THEN
    RAISE EXCEPTION 'replenishment % is approved: its total is frozen', OLD.folio
      USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishments_total_frozen';
  END IF;
  IF NEW.status = 'paid' AND NOT EXISTS (
       SELECT 1 FROM fund_movements m
        WHERE m.organization_id = NEW.organization_id AND m.id = NEW.movement_id AND m.fund_id = NEW.fund_id
          AND m.kind = 'replenishment_paid' AND m.amount = NEW.total
          AND m.source_type = 'replenishment' AND m.source_id = NEW.id) THEN
    RAISE EXCEPTION 'replenishment % is paid only with its replenishment_paid movement of %', OLD.folio, NEW.total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishments_paid_movement';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER replenishments_lifecycle BEFORE INSERT OR UPDATE ON replenishments
  FOR EACH ROW EXECUTE FUNCTION check_replenishment_lifecycle();
--> statement-breakpoint
-- A voucher enters only a requested replenishment of its own fund, for its exact amount: an
-- approved expense paid from (or reimbursed in cash by) that fund, or a cash count's difference
-- (a shortage is a positive voucher, an overage a negative one). An item leaves (active = false)
-- only while the replenishment is requested (excluded) or when it is canceled, and never returns.
CREATE FUNCTION check_replenishment_item() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head replenishments%ROWTYPE;
  voucher record;
BEGIN
  SELECT * INTO head FROM replenishments
   WHERE organization_id = NEW.organization_id AND id = NEW.replenishment_id;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.active AND NOT OLD.active THEN
      RAISE EXCEPTION 'an excluded voucher does not come back into replenishment %', head.folio
        USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishment_items_no_return';
    END IF;
    IF OLD.active AND NOT NEW.active AND head.status NOT IN ('requested', 'canceled') THEN
      RAISE EXCEPTION 'replenishment % is %: its vouchers are fixed', head.folio, head.status
        USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishment_items_fixed';
    END IF;
    RETURN NEW;
  END IF;
  IF head.status <> 'requested' THEN
    RAISE EXCEPTION 'vouchers are added only to a requested replenishment (% is %)', head.folio, head.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishment_items_fixed';
  END IF;
  IF NEW.source_type = 'expense' THEN
    SELECT status, payment_method, fund_id, reimbursement_method, reimbursement_fund_id, total_mxn, advance_id
      INTO voucher FROM expenses WHERE organization_id = NEW.organization_id AND id = NEW.expense_id;
    -- A voucher of the fund: paid with its cash, reimbursed in cash from it, or proved against a
    -- cash advance of the fund that was settled (the settlement made it a pending voucher).
    IF NOT coalesce((voucher.payment_method = 'fund_cash' AND voucher.fund_id = head.fund_id)
        OR (voucher.reimbursement_method = 'fund_cash' AND voucher.reimbursement_fund_id = head.fund_id)
        OR (voucher.advance_id IS NOT NULL AND voucher.fund_id = head.fund_id AND EXISTS (
              SELECT 1 FROM advances a
               WHERE a.organization_id = NEW.organization_id AND a.id = voucher.advance_id
                 AND a.method = 'fund_cash' AND a.status = 'settled')), false) THEN
      RAISE EXCEPTION 'expense % was not paid from the fund of replenishment %', NEW.expense_id, head.folio
        USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishment_items_same_fund';
    END IF;
    IF voucher.status <> 'approved' THEN
      RAISE EXCEPTION 'expense % is %, not approved', NEW.expense_id, voucher.status
        USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishment_items_approved_only';
    END IF;
    IF NEW.amount <> voucher.total_mxn THEN
      RAISE EXCEPTION 'expense % is worth %, not %', NEW.expense_id, voucher.total_mxn, NEW.amount
        USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishment_items_amount';
    END IF;
  ELSE
    SELECT fund_id, difference INTO voucher FROM cash_counts
     WHERE organization_id = NEW.organization_id AND id = NEW.cash_count_id;
    IF voucher.fund_id IS DISTINCT FROM head.fund_id THEN
      RAISE EXCEPTION 'cash count % is of another fund than replenishment %', NEW.cash_count_id, head.folio
        USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishment_items_same_fund';
    END IF;
    IF NEW.amount <> -voucher.difference THEN
      RAISE EXCEPTION 'cash count % leaves a voucher of %, not %', NEW.cash_count_id, -voucher.difference, NEW.amount
        USING ERRCODE = 'check_violation', CONSTRAINT = 'replenishment_items_amount';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER replenishment_items_voucher BEFORE INSERT OR UPDATE ON replenishment_items
  FOR EACH ROW EXECUTE FUNCTION check_replenishment_item();
