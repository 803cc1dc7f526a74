-- Advances (gastos por comprobar) and employee reimbursements: the ledger rules the database keeps
-- whatever code writes the rows. An advance is born open and ends settled (or, by transfer,
-- canceled); in cash it exists only with its advance_paid_in_cash movement and settles only with its
-- advance_settled movement, for the approved expenses once none waits for a decision. An expense
-- against an advance is the employee's, paid with the advance's money, in the advance's fund. An
-- expense is reimbursed once, approved, and in cash only with its movement.
CREATE FUNCTION check_advance_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  approved_total numeric;
  waiting integer;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'open' OR NEW.settled_at IS NOT NULL OR NEW.settlement_movement_id IS NOT NULL THEN
      RAISE EXCEPTION 'an advance is handed out open' USING ERRCODE = 'check_violation',
        CONSTRAINT = 'advances_born_open';
    END IF;
    IF NEW.method = 'fund_cash' AND NOT EXISTS (
         SELECT 1 FROM fund_movements m
          WHERE m.organization_id = NEW.organization_id AND m.id = NEW.movement_id AND m.fund_id = NEW.fund_id
            AND m.kind = 'advance_paid_in_cash' AND m.amount = NEW.amount
            AND m.source_type = 'advance' AND m.source_id = NEW.id) THEN
      RAISE EXCEPTION 'advance % in cash needs its advance_paid_in_cash movement of %', NEW.folio, NEW.amount
        USING ERRCODE = 'check_violation', CONSTRAINT = 'advances_cash_movement';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status <> 'open' THEN
    RAISE EXCEPTION 'advance % is already %', OLD.folio, OLD.status USING ERRCODE = 'check_violation',
      CONSTRAINT = 'advances_final';
  END IF;
  IF NEW.status = 'canceled' AND NEW.method = 'fund_cash' THEN
    RAISE EXCEPTION 'advance % was handed out in cash: it ends by settlement', OLD.folio
      USING ERRCODE = 'check_violation', CONSTRAINT = 'advances_cash_settles';
  END IF;
  IF NEW.status = 'settled' THEN
    SELECT coalesce(sum(total_mxn) FILTER (WHERE status IN ('approved', 'replenished')), 0),
           count(*) FILTER (WHERE status IN ('draft', 'submitted'))
      INTO approved_total, waiting
      FROM expenses WHERE organization_id = NEW.organization_id AND advance_id = NEW.id;
    IF waiting > 0 THEN
      RAISE EXCEPTION 'advance % has % expenses waiting for a decision', OLD.folio, waiting
        USING ERRCODE = 'check_violation', CONSTRAINT = 'advances_settled_decided';
    END IF;
    IF NEW.settled_expenses <> approved_total OR NEW.settlement_method IS DISTINCT FROM NEW.method THEN
      RAISE EXCEPTION 'advance % settles with its approved expenses (%), by its own method', OLD.folio, approved_total
        USING ERRCODE = 'check_violation', CONSTRAINT = 'advances_settled_expenses';
    END IF;
    IF NEW.method = 'fund_cash' AND NOT EXISTS (
         SELECT 1 FROM fund_movements m
          WHERE m.organization_id = NEW.organization_id AND m.id = NEW.settlement_movement_id
            AND m.fund_id = NEW.fund_id AND m.kind = 'advance_settled' AND m.amount = NEW.amount
            AND m.pending_delta = NEW.settled_expenses AND m.source_type = 'advance' AND m.source_id = NEW.id) THEN
      RAISE EXCEPTION 'advance % in cash settles only with its advance_settled movement', OLD.folio
        USING ERRCODE = 'check_violation', CONSTRAINT = 'advances_settlement_movement';
    END IF;
    IF NEW.method = 'transfer' AND NEW.settlement_movement_id IS NOT NULL THEN
      RAISE EXCEPTION 'advance % by transfer settles outside any fund', OLD.folio
        USING ERRCODE = 'check_violation', CONSTRAINT = 'advances_settlement_movement';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER advances_lifecycle BEFORE INSERT OR UPDATE ON advances
  FOR EACH ROW EXECUTE FUNCTION check_advance_lifecycle();
--> statement-breakpoint
CREATE TRIGGER advances_no_delete BEFORE DELETE ON advances
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
-- Only for expenses spent against an advance (the trigger's WHEN spares every other expense).
CREATE FUNCTION check_expense_advance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  advance advances%ROWTYPE;
BEGIN
  SELECT * INTO advance FROM advances WHERE organization_id = NEW.organization_id AND id = NEW.advance_id;
  IF NEW.spender_id <> advance.employee_id THEN
    RAISE EXCEPTION 'expense % is not of the person who received advance %', NEW.id, advance.folio
      USING ERRCODE = 'check_violation', CONSTRAINT = 'expenses_advance_employee';
  END IF;
  IF NEW.payment_method <> 'employee' OR NEW.fund_id IS DISTINCT FROM advance.fund_id THEN
    RAISE EXCEPTION 'expense % against advance % is paid with its money, in its fund', NEW.id, advance.folio
      USING ERRCODE = 'check_violation', CONSTRAINT = 'expenses_advance_payment';
  END IF;
  IF (TG_OP = 'INSERT' OR OLD.advance_id IS DISTINCT FROM NEW.advance_id) AND advance.status <> 'open' THEN
    RAISE EXCEPTION 'advance % is %: it takes no more expenses', advance.folio, advance.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'expenses_advance_open';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER expenses_against_advance
  BEFORE INSERT OR UPDATE OF advance_id, spender_id, payment_method, fund_id ON expenses
  FOR EACH ROW WHEN (NEW.advance_id IS NOT NULL) EXECUTE FUNCTION check_expense_advance();
--> statement-breakpoint
CREATE FUNCTION check_expense_reimbursement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.reimbursed_at IS NOT NULL THEN
    IF (OLD.reimbursement_method, OLD.reimbursement_fund_id, OLD.reimbursement_reference, OLD.reimbursed_at)
       IS DISTINCT FROM
       (NEW.reimbursement_method, NEW.reimbursement_fund_id, NEW.reimbursement_reference, NEW.reimbursed_at) THEN
      RAISE EXCEPTION 'expense % was already reimbursed', NEW.id USING ERRCODE = 'check_violation',
        CONSTRAINT = 'expenses_reimbursed_once';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.reimbursed_at IS NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' OR NEW.status <> 'approved' OR NEW.advance_id IS NOT NULL THEN
    RAISE EXCEPTION 'only an approved expense outside any advance is reimbursed (expense %)', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'expenses_reimbursed_approved';
  END IF;
  IF NEW.reimbursement_method = 'fund_cash' AND NOT EXISTS (
       SELECT 1 FROM fund_movements m
        WHERE m.organization_id = NEW.organization_id AND m.fund_id = NEW.reimbursement_fund_id
          AND m.kind = 'employee_reimbursed_in_cash' AND m.amount = NEW.total_mxn
          AND m.source_type = 'expense' AND m.source_id = NEW.id) THEN
    RAISE EXCEPTION 'expense % reimbursed in cash needs its employee_reimbursed_in_cash movement', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'expenses_reimbursed_movement';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER expenses_reimbursed_insert BEFORE INSERT ON expenses
  FOR EACH ROW WHEN (NEW.reimbursed_at IS NOT NULL) EXECUTE FUNCTION check_expense_reimbursement();
--> statement-breakpoint
CREATE TRIGGER expenses_reimbursed_update
  BEFORE UPDATE OF reimbursement_method, reimbursement_fund_id, reimbursement_reference, reimbursed_at ON expenses
  FOR EACH ROW WHEN (OLD.reimbursed_at IS NOT NULL OR NEW.reimbursed_at IS NOT NULL)
  EXECUTE FUNCTION check_expense_reimbursement();
