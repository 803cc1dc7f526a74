import { createOperator } from '../../src/modules/backoffice/index.js';
import { signUpVerifiedOwner, uniqueEmail } from './accounts-flow.js';
import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';

export const OPERATOR_PASSWORD = 'operadora-segura-1';
/** The sandbox's CLABE: valid check digit, no real account. */
export const REFUND_CLABE = '002010077777777771';

/** An operator created as the CLI does, signed in on a client of its own. */
export async function signInOperator(t: TestApp, email = uniqueEmail('operadora')) {
  await createOperator(t.database.db, email, 'Operadora de Prueba', OPERATOR_PASSWORD);
  const client = t.client();
  await logInOperator(client, email);
  return { client, email };
}

export async function logInOperator(client: TestClient, email: string) {
  const login = await client.post('/api/v1/backoffice/session', { email, password: OPERATOR_PASSWORD });
  if (login.statusCode !== 200) throw new Error(`operator login failed: ${login.body}`);
  return login;
}

/** A new organization whose owner opened a payment of `plan` by `method` (pending). */
export async function ownerWithPendingPayment(
  t: TestApp,
  options: { plan?: 'monthly' | 'annual'; method?: 'spei' | 'oxxo' | 'card'; organizationName?: string } = {},
) {
  const owner = await signUpVerifiedOwner(t, { organizationName: options.organizationName });
  const opened = await owner.client.post('/api/v1/subscription/checkout', {
    plan: options.plan ?? 'monthly',
    method: options.method ?? 'spei',
  });
  if (opened.statusCode !== 201) throw new Error(`checkout failed: ${opened.body}`);
  const payment = opened.json<{ payment: { id: string; total: string; reference: string } }>().payment;
  return { ...owner, payment };
}

/** An owner who paid the monthly plan at OXXO during the trial and suspended: a SPEI refund waits. */
export async function ownerWithPendingSpeiRefund(t: TestApp, organizationName?: string) {
  const owner = await ownerWithPendingPayment(t, { method: 'oxxo', organizationName });
  await owner.client.post(`/api/v1/subscription/payments/${owner.payment.id}/simulate`);
  const suspended = await owner.client.post('/api/v1/subscription/suspend', { clabe: REFUND_CLABE });
  if (suspended.statusCode !== 200) throw new Error(`suspend failed: ${suspended.body}`);
  return owner;
}
