-- Cash counts (arqueos): a signed record. The app role may only insert and read them (0017); this
-- trigger refuses an edit or a deletion for every role, as for the ledger itself.
CREATE TRIGGER cash_counts_append_only BEFORE UPDATE OR DELETE ON cash_counts
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
-- A count agrees with the ledger it was taken against: once its difference is recorded the fund holds
-- exactly the cash counted, and its movement (if any) is this count's shortage or overage, of the
-- difference's size, taken when the fund held the expected cash.
CREATE FUNCTION check_cash_count_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fund_cash numeric;
  movement fund_movements%ROWTYPE;
  -- Not inline in the IF below: PL/pgSQL would end its condition at a CASE's THEN.
  movement_kind text := CASE WHEN NEW.difference < 0 THEN 'cash_count_shortage' ELSE 'cash_count_overage' END;
BEGIN
  SELECT cash INTO fund_cash FROM funds WHERE organization_id = NEW.organization_id AND id = NEW.fund_id;
  IF fund_cash IS DISTINCT FROM NEW.counted_cash THEN
    RAISE EXCEPTION 'cash count % disagrees with the cash of fund %', NEW.id, NEW.fund_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'cash_counts_match_fund';
  END IF;
  IF NEW.movement_id IS NOT NULL THEN
    SELECT * INTO movement FROM fund_movements
     WHERE organization_id = NEW.organization_id AND id = NEW.movement_id;
    IF NOT FOUND
       OR movement.fund_id <> NEW.fund_id
       OR movement.kind <> movement_kind
       OR movement.amount <> abs(NEW.difference)
       OR movement.cash_after - movement.cash_delta <> NEW.expected_cash
       OR movement.source_type IS DISTINCT FROM 'cash_count'
       OR movement.source_id IS DISTINCT FROM NEW.id THEN
      RAISE EXCEPTION 'cash count % does not match its movement %', NEW.id, NEW.movement_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'cash_counts_match_movement';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cash_counts_match_ledger BEFORE INSERT ON cash_counts
  FOR EACH ROW EXECUTE FUNCTION check_cash_count_ledger();
