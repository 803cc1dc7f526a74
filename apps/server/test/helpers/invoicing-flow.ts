import path from 'node:path';
import { expect } from 'vitest';
import { loadIssuer } from '../../src/modules/invoicing/issuer.js';
import { createSandboxPac } from '../../src/modules/invoicing/sandbox-pac.js';
import { TEST_RECEIVER } from '../fakes/cfdi-factory.js';
import { signUpVerifiedOwner } from './accounts-flow.js';
import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';
import { waitFor } from './wait-for.js';

const CSD = path.join(process.cwd(), '..', 'shared', 'fixtures', 'csd');

/** The platform as its own issuer (not the embedded default) with SAT's public test CSD. */
export const OWN_ISSUER_ENV = {
  CFDI_ISSUER_RFC: 'EKU9003173C9',
  CFDI_ISSUER_NAME: 'ESCUELA KEMPER URGATE',
  CFDI_ISSUER_REGIME: '601',
  CFDI_ISSUER_POSTAL_CODE: '42501',
  CFDI_CSD_CER: path.join(CSD, 'EKU9003173C9.cer'),
  CFDI_CSD_KEY: path.join(CSD, 'EKU9003173C9.key'),
  CFDI_CSD_PASSWORD: '12345678a',
};

export interface InvoiceView {
  id: string;
  kind: string;
  status: string;
  uuid: string | null;
  total: string;
  relatedUuid: string | null;
  error: { code: string | null; message: string; field: string | null } | null;
}

export const invoicesOf = async (client: TestClient) =>
  (await client.get('/api/v1/invoices')).json<{ data: InvoiceView[] }>().data;

/** The organization's invoices once the newest one reached `status` (the jobs stamp it). */
export const invoicesOnce = (client: TestClient, status: string) =>
  waitFor(
    () => invoicesOf(client),
    (list) => list[0]?.status === status,
  );

/** A new owner (with TEST_RECEIVER's fiscal data unless told otherwise) who paid by SPEI in the sandbox. */
export async function paidCustomer(
  t: TestApp,
  options: { plan?: 'monthly' | 'annual'; withFiscalData?: boolean } = {},
) {
  const owner = await signUpVerifiedOwner(t);
  if (options.withFiscalData ?? true) {
    const saved = await owner.client.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    expect(saved.statusCode).toBe(200);
  }
  const opened = await owner.client.post('/api/v1/subscription/checkout', {
    plan: options.plan ?? 'monthly',
    method: 'spei',
  });
  const payment = opened.json<{ payment: { id: string; total: string; reference: string } }>().payment;
  await owner.client.post(`/api/v1/subscription/payments/${payment.id}/simulate`);
  return { ...owner, payment };
}

/**
 * The parts of an invoicing instance of a test's own (to run a job's step now, with a PAC the
 * test controls): the app's database, issuer and settings, the sandbox PAC, jobs that do nothing.
 */
export function ownInvoicing(t: TestApp, now: () => Date = () => t.clock.now) {
  const issuer = loadIssuer(t.config.invoicing, now());
  return {
    db: t.database.db,
    jobs: { register: () => {}, schedule: () => {}, send: async () => {} },
    pac: createSandboxPac({ certificate: issuer.csd, now }),
    issuer,
    settings: { ...t.config.invoicing, ivaRate: t.config.billing.ivaRate },
    now,
    log: { error: () => {} },
  };
}
