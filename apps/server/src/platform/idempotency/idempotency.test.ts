import { describe, expect, it } from 'vitest';
import { signUpVerifiedOwner, uniqueEmail } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

describe.each(testDatabaseKinds())('Idempotency-Key on %s', (kind) => {
  const t = useTestApp(kind);

  const invite = (
    client: Awaited<ReturnType<typeof signUpVerifiedOwner>>['client'],
    body: unknown,
    key: string,
  ) => client.request('POST', '/api/v1/invitations', body, { headers: { 'idempotency-key': key } });

  it('replays the first response byte for byte and does the work once', async () => {
    const owner = await signUpVerifiedOwner(t);
    const body = { email: uniqueEmail('idem'), roles: ['employee'] };
    const first = await invite(owner.client, body, 'clave-1');
    const second = await invite(owner.client, body, 'clave-1');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(t.mailer.sent.filter((mail) => mail.to === body.email)).toHaveLength(1);
    expect((await owner.client.get('/api/v1/invitations')).json().data).toHaveLength(1);
  });

  it('answers 422 when the same key comes with a different request', async () => {
    const owner = await signUpVerifiedOwner(t);
    await invite(owner.client, { email: uniqueEmail('a'), roles: ['employee'] }, 'clave-2');
    const reused = await invite(owner.client, { email: uniqueEmail('b'), roles: ['employee'] }, 'clave-2');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('scopes keys to their owner: another organization may use the same key', async () => {
    const a = await signUpVerifiedOwner(t);
    const b = await signUpVerifiedOwner(t);
    const first = await invite(a.client, { email: uniqueEmail('a'), roles: ['employee'] }, 'compartida');
    const other = await invite(b.client, { email: uniqueEmail('b'), roles: ['auditor'] }, 'compartida');
    expect(first.statusCode).toBe(201);
    expect(other.statusCode).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
  });

  it('forgets a key after 24 hours', async () => {
    const owner = await signUpVerifiedOwner(t);
    const body = { email: uniqueEmail('tarde'), roles: ['employee'] };
    await invite(owner.client, body, 'clave-3');
    t.clock.now = new Date(Date.now() + 25 * 3600_000);
    try {
      const later = await invite(owner.client, body, 'clave-3');
      expect(later.headers['idempotent-replayed']).toBeUndefined();
    } finally {
      t.clock.now = new Date();
    }
  });

  it('refuses a malformed key', async () => {
    const owner = await signUpVerifiedOwner(t);
    const response = await invite(
      owner.client,
      { email: uniqueEmail(), roles: ['employee'] },
      'x'.repeat(300),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('IDEMPOTENCY_KEY_INVALID');
  });
});
