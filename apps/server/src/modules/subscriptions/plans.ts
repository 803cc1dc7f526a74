import { eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { money, toCentavos } from '../../platform/money.js';
import { withSystem } from '../../platform/tenancy.js';
import { type PlanId, plans } from './subscriptions.schema.js';

/** Writes the plans on sale from configuration (at start: a price change applies to new payments). */
export async function writePlans(db: Db, billing: Config['billing']): Promise<void> {
  const prices = { monthly: billing.monthlyPrice, annual: billing.annualPrice } satisfies Record<
    PlanId,
    string
  >;
  await withSystem(db, async (tx) => {
    for (const [id, price] of Object.entries(prices) as [PlanId, string][]) {
      await tx
        .insert(plans)
        .values({ id, interval: id === 'monthly' ? 'month' : 'year', price })
        .onConflictDoUpdate({ target: plans.id, set: { price, updatedAt: new Date() } });
    }
  });
}

export interface PlanView {
  id: PlanId;
  interval: 'month' | 'year';
  /** Pesos before IVA, its IVA and what the customer pays. */
  price: string;
  iva: string;
  total: string;
  /** Annual only: what twelve monthly payments would cost more (IVA included). */
  saving: string | null;
}

/** The plans with IVA added (to the centavo) and the annual plan's saving over paying monthly. */
export async function planViews(tx: Tx, ivaRate: string): Promise<PlanView[]> {
  const rows = await tx.select().from(plans);
  const withIva = rows.map((row) => {
    const iva = toCentavos(money(row.price).times(ivaRate));
    return {
      id: row.id,
      interval: row.interval,
      price: row.price,
      iva,
      total: toCentavos(money(row.price).plus(iva)),
    };
  });
  const monthly = withIva.find((plan) => plan.id === 'monthly');
  return (['monthly', 'annual'] as const).flatMap((id) => {
    const plan = withIva.find((row) => row.id === id);
    if (!plan) return [];
    const saving =
      id === 'annual' && monthly ? toCentavos(money(monthly.total).times(12).minus(plan.total)) : null;
    return [{ ...plan, saving: saving !== null && money(saving).greaterThan(0) ? saving : null }];
  });
}

export async function planPrice(tx: Tx, id: PlanId) {
  const [row] = await tx.select().from(plans).where(eq(plans.id, id));
  return row ?? null;
}
