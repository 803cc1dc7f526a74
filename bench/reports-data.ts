/**
 * Bulk data for bench/reports.ts, written as the database owner with generate_series (seconds, not
 * hours of API calls): ORGS − 1 small organizations, each with its person, five categories, a cost
 * center and a fund, and EXPENSES expenses, one in every 1/share of them in the large organization
 * (created through the API, its ids passed in). Orders of rows interleave organizations, as real
 * inserts of many tenants do, so one organization's rows are spread over the table. The large
 * organization also gets paid replenishments of most of its fund vouchers (the journal's pólizas).
 */
import type pg from 'pg';

export interface LargeOrganization {
  organizationId: string;
  membershipId: string;
  categoryIds: string[];
  costCenterIds: string[];
  fundIds: string[];
}

const ids = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]::uuid[]`;

export async function generateReportData(
  client: pg.Client,
  options: { organizations: number; expenses: number; largeShare: number; large: LargeOrganization },
) {
  const { organizations: orgs, expenses, largeShare, large } = options;
  const small = orgs - 1;
  const org = (n: string) => `md5('org-' || ${n})::uuid`;
  await client.query(`
    INSERT INTO users (id, email, name, password_hash, email_verified_at)
    SELECT md5('user-' || n)::uuid, 'bench' || n || '@example.mx', 'Persona ' || n, 'x', now()
      FROM generate_series(1, ${small}) n;
    INSERT INTO organizations (id, name) SELECT ${org('n')}, 'Organización ' || n FROM generate_series(1, ${small}) n;
    INSERT INTO memberships (organization_id, id, user_id, roles)
    SELECT ${org('n')}, md5('mem-' || n)::uuid, md5('user-' || n)::uuid, '{owner}' FROM generate_series(1, ${small}) n;
    INSERT INTO expense_categories (organization_id, id, code, name, sat_account_code, cfdi_uses)
    SELECT ${org('n')}, md5('cat-' || n || '-' || k)::uuid, 'CAT' || k, 'Categoría ' || k, '601.84', '{G03}'
      FROM generate_series(1, ${small}) n, generate_series(0, 4) k;
    INSERT INTO cost_centers (organization_id, id, code, name)
    SELECT ${org('n')}, md5('cc-' || n)::uuid, 'CC', 'Centro' FROM generate_series(1, ${small}) n;
    INSERT INTO funds (organization_id, id, name, custodian_id)
    SELECT ${org('n')}, md5('fund-' || n)::uuid, 'Caja', md5('mem-' || n)::uuid FROM generate_series(1, ${small}) n;
    INSERT INTO fund_movements (organization_id, id, fund_id, kind, amount, cash_delta, pending_delta, advances_delta, authorized_delta)
    SELECT ${org('n')}, md5('mov-' || n)::uuid, md5('fund-' || n)::uuid, 'fund_opened', 100000, 100000, 0, 0, 100000
      FROM generate_series(1, ${small}) n;`);

  // Every 1/largeShare-th expense is the large organization's; the rest go round the small ones.
  // Dates over the two years up to 2026-11-28; 30 % without CFDI (the others with IVA), 60 % paid from the fund's cash,
  // amounts from $50 to $4,999 (cash over $2,000 gets its finding), 2 % with a receptor RFC error.
  await client.query(`
    INSERT INTO expenses (organization_id, id, spender_id, created_by, fund_id, status, payment_method,
      expense_date, concept, category_id, cost_center_id, supplier_rfc, supplier_name, subtotal, iva_transferred,
      total, total_mxn, invoice_pending, cfdi_uuid, findings, finding_level)
    SELECT o.org, md5('exp-' || g)::uuid, o.member, o.member, CASE WHEN e.cash THEN o.fund END,
           (ARRAY['draft','submitted','approved','approved','approved','approved','approved','replenished','rejected','discarded'])[pick.h % 10 + 1],
           CASE WHEN e.cash THEN 'fund_cash' ELSE 'employee' END,
           DATE '2026-11-28' - (pick.h % 730)::int, 'Gasto ' || g, o.category, o.center,
           'EKU9003173C9', 'PROVEEDOR ' || (g % 500), e.subtotal, e.amount - e.subtotal, e.amount, e.amount, e.pending,
           CASE WHEN NOT e.pending THEN upper(md5('cfdi-' || g)::uuid::text) END,
           e.findings, CASE WHEN e.findings @> '[{"severity":"error"}]' THEN 2 WHEN jsonb_array_length(e.findings) > 0 THEN 1 ELSE 0 END
      FROM generate_series(1, ${expenses}) g
     CROSS JOIN LATERAL (
       -- h scatters the properties below independently of which organization g falls to.
       SELECT g % ${largeShare} = 0 AS is_large, 1 + (g % ${small}) AS n, (g::bigint * 2654435761) % 4294967291 AS h
     ) pick
     CROSS JOIN LATERAL (
       SELECT CASE WHEN pick.is_large THEN '${large.organizationId}'::uuid ELSE ${org('pick.n')} END AS org,
              CASE WHEN pick.is_large THEN '${large.membershipId}'::uuid ELSE md5('mem-' || pick.n)::uuid END AS member,
              CASE WHEN pick.is_large THEN (${ids(large.fundIds)})[1 + pick.h % ${large.fundIds.length}]
                   ELSE md5('fund-' || pick.n)::uuid END AS fund,
              CASE WHEN pick.is_large THEN (${ids(large.categoryIds)})[1 + pick.h % ${large.categoryIds.length}]
                   ELSE md5('cat-' || pick.n || '-' || (pick.h % 5))::uuid END AS category,
              CASE WHEN pick.h % 3 = 0 THEN NULL WHEN pick.is_large THEN (${ids(large.costCenterIds)})[1 + pick.h % ${large.costCenterIds.length}]
                   ELSE md5('cc-' || pick.n)::uuid END AS center
     ) o
     CROSS JOIN LATERAL (
       SELECT pick.h % 5 < 3 AS cash, (50 + (pick.h / 7 % 4950))::numeric(14,2) + 0.5 AS amount, pick.h / 11 % 10 < 3 AS pending
     ) base
     CROSS JOIN LATERAL (
       SELECT base.cash, base.amount, base.pending,
              -- A CFDI's total carries IVA at 16 % (the journal books it on its own line); a ticket's does not.
              CASE WHEN base.pending THEN base.amount ELSE round(base.amount / 1.16, 2) END AS subtotal,
              (CASE WHEN base.pending THEN '[{"code":"MISSING_CFDI","severity":"warning","category":"deducibility","message":"Falta el CFDI."}]'::jsonb ELSE '[]'::jsonb END)
           || (CASE WHEN base.cash AND base.amount > 2000 THEN '[{"code":"CASH_OVER_LIMIT","severity":"warning","category":"deducibility","message":"Pago en efectivo mayor a $2,000."}]'::jsonb ELSE '[]'::jsonb END)
           || (CASE WHEN NOT base.pending AND pick.h / 13 % 50 = 1 THEN '[{"code":"RECEIVER_RFC_MISMATCH","severity":"error","category":"deducibility","message":"La factura está a nombre de otro RFC."}]'::jsonb ELSE '[]'::jsonb END)
           AS findings
     ) e`);
  await generateReplenishments(client, large);
  await client.query('VACUUM ANALYZE');
}

/** Vouchers per generated replenishment. */
const VOUCHERS_PER_REPLENISHMENT = 50;
/** Vouchers dated after this wait for the next replenishment (approved, not yet replenished). */
const REPLENISHED_UNTIL = '2026-10-31';

/**
 * The large organization's paid replenishments, for the journal exports: its approved (and
 * "replenished") vouchers paid from each fund's cash up to REPLENISHED_UNTIL, oldest first, in
 * replenishments of VOUCHERS_PER_REPLENISHMENT per fund, each paid two days after its last voucher.
 * Written in one transaction along the lifecycle migration 0019's triggers check (born requested
 * with its items while the expenses are approved, approved by someone else than the requester —
 * automatic ones have none —, paid with its replenishment_paid movement, then its expenses
 * replenished); the deferred I4 check (total = Σ items) runs at commit. The expenses themselves
 * have no ledger movements (as above), so the funds' cash and pending are not meaningful. Also the
 * organization's fiscal data: the SAT's XML needs its RFC.
 */
async function generateReplenishments(client: pg.Client, large: LargeOrganization) {
  const org = `'${large.organizationId}'::uuid`;
  const member = `'${large.membershipId}'::uuid`;
  await client.query('BEGIN');
  try {
    await client.query(`
    INSERT INTO organization_fiscal_data (organization_id, id, rfc, legal_name, tax_regime, postal_code, cfdi_use, invoice_email)
    VALUES (${org}, md5('fiscal-large')::uuid, 'GRA0101012Z5', 'GRANDE', '601', '06000', 'G03', 'facturas@grande.example.mx');
    CREATE TEMP TABLE bench_vouchers ON COMMIT DROP AS
    SELECT id, fund_id, total_mxn, status,
           (row_number() OVER (PARTITION BY fund_id ORDER BY expense_date, id) - 1) / ${VOUCHERS_PER_REPLENISHMENT} AS grp,
           expense_date
      FROM expenses
     WHERE organization_id = ${org} AND payment_method = 'fund_cash' AND status IN ('approved', 'replenished')
       AND expense_date <= DATE '${REPLENISHED_UNTIL}';
    CREATE TEMP TABLE bench_replenishments ON COMMIT DROP AS
    SELECT md5('rep-' || fund_id || '-' || grp)::uuid AS id, fund_id, grp, sum(total_mxn) AS total,
           max(expense_date) AS last_date, row_number() OVER (ORDER BY max(expense_date), fund_id, grp) AS folio
      FROM bench_vouchers GROUP BY fund_id, grp;
    UPDATE expenses e SET status = 'approved' FROM bench_vouchers v
     WHERE e.organization_id = ${org} AND e.id = v.id AND v.status = 'replenished';
    INSERT INTO replenishments (organization_id, id, folio, fund_id, status, total, automatic, requested_at)
    SELECT ${org}, id, folio, fund_id, 'requested', total, true, last_date + 1 + time '09:00' FROM bench_replenishments;
    INSERT INTO replenishment_items (organization_id, id, replenishment_id, source_type, expense_id, amount)
    SELECT ${org}, md5('item-' || v.id)::uuid, md5('rep-' || v.fund_id || '-' || v.grp)::uuid, 'expense', v.id, v.total_mxn
      FROM bench_vouchers v;
    UPDATE replenishments r SET status = 'approved', approved_by = ${member}, approved_at = r.requested_at + interval '2 hours'
      FROM bench_replenishments b WHERE r.organization_id = ${org} AND r.id = b.id;
    INSERT INTO fund_movements (organization_id, id, fund_id, kind, amount, cash_delta, pending_delta, advances_delta,
      authorized_delta, source_type, source_id, memo, recorded_by, created_at)
    SELECT ${org}, md5('rep-mov-' || id)::uuid, fund_id, 'replenishment_paid', total, total, -total, 0, 0,
           'replenishment', id, 'Reposición ' || folio || ' · SPEI ' || folio, ${member}, last_date + 2 + time '12:00'
      FROM bench_replenishments ORDER BY folio;
    UPDATE replenishments r SET status = 'paid', paid_by = ${member}, paid_at = b.last_date + 2 + time '12:00',
           payment_date = b.last_date + 2, payment_reference = 'SPEI ' || b.folio, movement_id = md5('rep-mov-' || b.id)::uuid
      FROM bench_replenishments b WHERE r.organization_id = ${org} AND r.id = b.id;
    UPDATE expenses e SET status = 'replenished' FROM bench_vouchers v WHERE e.organization_id = ${org} AND e.id = v.id;`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
