import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PASSWORD, signUpVerifiedOwner, uniqueEmail } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { logInOperator, OPERATOR_PASSWORD, signInOperator } from '../../../test/helpers/backoffice-flow.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { createOperator } from './operators.js';

describe.each(testDatabaseKinds())('operator sign-in on %s', (kind) => {
  const t = useTestApp(kind, { env: { LOGIN_MAX_FAILURES: '3' } });

  it('signs in an operator created by the CLI command with a strict cookie of its own, and signs out', async () => {
    const email = uniqueEmail('operadora');
    const created = await createOperator(
      t.database.db,
      ` ${email.toUpperCase()} `,
      'Laura Méndez',
      OPERATOR_PASSWORD,
    );
    expect(created).toEqual({ id: expect.any(String), email, name: 'Laura Méndez' });
    const client = t.client();
    expect((await client.get('/api/v1/backoffice/session')).statusCode).toBe(401);

    const login = await logInOperator(client, email);
    expect(login.json()).toEqual({ operator: created });
    const cookie = login.cookies.find((c) => c.name === 'cc_operator');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(login.cookies.some((c) => c.name === 'cc_session')).toBe(false);
    expect((await client.get('/api/v1/backoffice/session')).json()).toEqual({ operator: created });

    expect((await client.delete('/api/v1/backoffice/session')).statusCode).toBe(204);
    expect(client.hasCookie('cc_operator')).toBe(false);
    expect((await client.get('/api/v1/backoffice/organizations')).statusCode).toBe(401);
    const events = await t.database.db.execute(
      sql`SELECT event FROM auth_events WHERE email = ${email} ORDER BY created_at, event`,
    );
    expect((events as unknown as { rows: { event: string }[] }).rows.map((row) => row.event)).toEqual([
      'login_succeeded',
      'logout',
    ]);
  });

  it('creates operators with the same password rules as users, and one per email', async () => {
    const email = uniqueEmail('operadora');
    await expect(createOperator(t.database.db, email, 'Corta', 'corta')).rejects.toMatchObject({
      code: 'OPERATOR_INVALID',
      detail: 'La contraseña debe tener al menos 8 caracteres.',
    });
    await createOperator(t.database.db, email, 'Primera', OPERATOR_PASSWORD);
    await expect(createOperator(t.database.db, email, 'Segunda', OPERATOR_PASSWORD)).rejects.toMatchObject({
      code: 'OPERATOR_EXISTS',
      status: 409,
    });
  });

  it('keeps the two logins apart: a tenant session opens no back-office route, an operator session no tenant route', async () => {
    const owner = await signUpVerifiedOwner(t);
    for (const path of [
      '/api/v1/backoffice/session',
      '/api/v1/backoffice/organizations',
      '/api/v1/backoffice/payments',
    ]) {
      const refused = await owner.client.get(path);
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ code: 'OPERATOR_UNAUTHENTICATED' });
    }

    const operator = await signInOperator(t);
    for (const path of ['/api/v1/me', '/api/v1/subscription', '/api/v1/expenses', '/api/v1/funds']) {
      const refused = await operator.client.get(path);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().code).toBe('UNAUTHENTICATED');
    }
    // The same email as a tenant's user is another account: the user's password opens nothing here.
    const sameEmail = await t
      .client()
      .post('/api/v1/backoffice/session', { email: owner.email, password: PASSWORD });
    expect(sameEmail.statusCode).toBe(401);
  });

  it('needs the CSRF header on back-office writes, sign-in included', async () => {
    const operator = await signInOperator(t);
    const noToken = await operator.client.request('DELETE', '/api/v1/backoffice/session', undefined, {
      csrf: false,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ code: 'CSRF_INVALID' });
    expect((await operator.client.get('/api/v1/backoffice/session')).statusCode).toBe(200);
    const transfer = await operator.client.request(
      'POST',
      `/api/v1/backoffice/payments/${crypto.randomUUID()}/transfers`,
      { amount: '10.00', trackingKey: 'ABC123', receivedOn: '2026-01-05' },
      { csrf: false },
    );
    expect(transfer.statusCode).toBe(403);
    const login = await t
      .client()
      .request(
        'POST',
        '/api/v1/backoffice/session',
        { email: operator.email, password: OPERATOR_PASSWORD },
        { csrf: false },
      );
    expect(login.statusCode).toBe(403);
  });

  it('locks an operator out after repeated wrong passwords, even with the right one, for the lock period', async () => {
    const email = uniqueEmail('operadora');
    await createOperator(t.database.db, email, 'Operadora', OPERATOR_PASSWORD);
    const client = t.client();
    const attempt = (password: string) => client.post('/api/v1/backoffice/session', { email, password });
    for (let i = 0; i < 3; i++) {
      const wrong = await attempt('no-es-la-contraseña');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().detail).toBe('El correo o la contraseña no son correctos.');
    }
    const locked = await attempt(OPERATOR_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.json().detail).toBe(
      'Demasiados intentos fallidos. Espera 15 minutos antes de intentar de nuevo.',
    );
    // The throttle keys operators apart from users: a user with this email would not be locked.
    const keys = await t.database.db.execute(
      sql`SELECT key FROM login_throttle WHERE key LIKE ${`%${email}`}`,
    );
    expect((keys as unknown as { rows: { key: string }[] }).rows).toEqual([{ key: `operator:${email}` }]);

    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    expect((await attempt(OPERATOR_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a disabled operator and ends the sessions it had', async () => {
    const operator = await signInOperator(t);
    await t.database.db.execute(
      sql`UPDATE operators SET disabled_at = now() WHERE email = ${operator.email}`,
    );
    expect((await operator.client.get('/api/v1/backoffice/session')).statusCode).toBe(401);
    const again = await t.client().post('/api/v1/backoffice/session', {
      email: operator.email,
      password: OPERATOR_PASSWORD,
    });
    expect(again.statusCode).toBe(401);
  });
});
