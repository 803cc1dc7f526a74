import { sql } from 'drizzle-orm';
import { TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { logIn, PASSWORD, signUpVerifiedOwner, uniqueEmail } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { withTenant } from '../../platform/tenancy.js';

const signupBody = (email: string, overrides: Record<string, unknown> = {}) => ({
  email,
  password: PASSWORD,
  name: 'Ana López',
  organizationName: 'Papelería El Lápiz',
  ...overrides,
});

describe.each(testDatabaseKinds())('accounts on %s', (kind) => {
  const t = useTestApp(kind, { env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });

  it('signs up, verifies by the emailed link, logs in and sees the organization as its owner', async () => {
    const email = uniqueEmail('ana');
    const client = t.client();
    const signup = await client.post('/api/v1/auth/signup', signupBody(email.toUpperCase()));
    expect(signup.statusCode).toBe(201);
    expect(signup.json().user.email).toBe(email);

    const beforeVerify = await client.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(beforeVerify.statusCode).toBe(403);
    expect(beforeVerify.json().code).toBe('EMAIL_NOT_VERIFIED');

    const token = t.mailer.tokenFrom(email, '/verificar');
    expect((await client.post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
    const login = await logIn(client, email);
    expect([login.headers['set-cookie']].flat()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^cc_session=.*HttpOnly.*SameSite=Lax/i)]),
    );

    const me = (await client.get('/api/v1/me')).json();
    expect(me.organization.name).toBe('Papelería El Lápiz');
    expect(me.roles).toEqual(['owner']);
    expect(me.memberships).toHaveLength(1);
  });

  it('rejects a reused or unknown verification link', async () => {
    const email = uniqueEmail('reuso');
    const client = t.client();
    await client.post('/api/v1/auth/signup', signupBody(email));
    const token = t.mailer.tokenFrom(email, '/verificar');
    expect((await client.post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
    const reused = await client.post('/api/v1/auth/verify-email', { token });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().code).toBe('TOKEN_USED');
    const unknown = await client.post('/api/v1/auth/verify-email', { token: 'x'.repeat(43) });
    expect(unknown.json().code).toBe('TOKEN_INVALID');
  });

  it('rejects an expired verification link', async () => {
    const email = uniqueEmail('vencido');
    const client = t.client();
    await client.post('/api/v1/auth/signup', signupBody(email));
    const token = t.mailer.tokenFrom(email, '/verificar');
    t.clock.now = new Date(Date.now() + 49 * 3600_000);
    try {
      const expired = await client.post('/api/v1/auth/verify-email', { token });
      expect(expired.statusCode).toBe(410);
      expect(expired.json().code).toBe('TOKEN_EXPIRED');
    } finally {
      t.clock.now = new Date();
    }
  });

  it('refuses a duplicate email, whatever its case, and keeps one account', async () => {
    const email = uniqueEmail('doble');
    const client = t.client();
    const [first, second] = await Promise.all([
      client.post('/api/v1/auth/signup', signupBody(email)),
      client.post('/api/v1/auth/signup', signupBody(email.toUpperCase())),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const conflict = [first, second].find((r) => r.statusCode === 409);
    expect(conflict?.headers['content-type']).toContain('application/problem+json');
    expect(conflict?.json().code).toBe('EMAIL_TAKEN');
    const count = await withTenant(
      t.database.db,
      {},
      async (tx) =>
        (await tx.execute(
          sql`SELECT count(*)::int AS n FROM users WHERE lower(email) = ${email}`,
        )) as unknown as {
          rows: { n: number }[];
        },
    );
    expect(count.rows[0]?.n).toBe(1);
  });

  it.each([
    ['a wrong email', { email: 'no-es-correo' }, 'email'],
    ['a short password', { password: 'corta' }, 'password'],
    ['an over-long password', { password: 'x'.repeat(129) }, 'password'],
    ['an empty organization name', { organizationName: '  ' }, 'organizationName'],
  ])('refuses sign-up with %s, naming the field in Spanish', async (_label, overrides, field) => {
    const response = await t.client().post('/api/v1/auth/signup', signupBody(uniqueEmail(), overrides));
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(problem.detail).toMatch(/Revisa los datos/);
  });

  it('answers malformed JSON with a 400 problem+json', async () => {
    const response = await t.client().request('POST', '/api/v1/auth/login', '{"email": ', {
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('MALFORMED_JSON');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const response = await t
      .client()
      .request('POST', '/api/v1/auth/login', { email: 'a@b.mx', password: 'x' }, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF_INVALID');
  });

  it('throttles login after repeated failures, even with the right password then', async () => {
    const { email } = await signUpVerifiedOwner(t);
    const client = t.client();
    for (let attempt = 0; attempt < 3; attempt++) {
      const failed = await client.post('/api/v1/auth/login', { email, password: 'equivocada-123' });
      expect(failed.statusCode).toBe(401);
      expect(failed.json().code).toBe('INVALID_CREDENTIALS');
    }
    const throttled = await client.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('LOGIN_THROTTLED');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);

    t.clock.now = new Date(Date.now() + 16 * 60_000);
    try {
      expect((await client.post('/api/v1/auth/login', { email, password: PASSWORD })).statusCode).toBe(200);
    } finally {
      t.clock.now = new Date();
    }
  });

  it('resets the password with a single-use link and ends existing sessions', async () => {
    const { client: oldSession, email } = await signUpVerifiedOwner(t);
    const anonymous = t.client();
    expect((await anonymous.post('/api/v1/auth/password-reset', { email })).statusCode).toBe(202);
    expect(
      (await anonymous.post('/api/v1/auth/password-reset', { email: uniqueEmail('nadie') })).statusCode,
    ).toBe(202);
    const token = t.mailer.tokenFrom(email, '/restablecer');
    const newPassword = 'otra-contraseña-larga';
    expect(
      (await anonymous.post('/api/v1/auth/password-reset/confirm', { token, password: newPassword }))
        .statusCode,
    ).toBe(200);
    expect(
      (await anonymous.post('/api/v1/auth/password-reset/confirm', { token, password: newPassword })).json()
        .code,
    ).toBe('TOKEN_USED');
    expect((await oldSession.get('/api/v1/me')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/auth/login', { email, password: PASSWORD })).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/auth/login', { email, password: newPassword })).statusCode).toBe(
      200,
    );
  });

  it('expires a password reset link after 30 minutes', async () => {
    const { email } = await signUpVerifiedOwner(t);
    const client = t.client();
    await client.post('/api/v1/auth/password-reset', { email });
    const token = t.mailer.tokenFrom(email, '/restablecer');
    t.clock.now = new Date(Date.now() + 31 * 60_000);
    try {
      const response = await client.post('/api/v1/auth/password-reset/confirm', {
        token,
        password: 'nueva-contraseña-1',
      });
      expect(response.json().code).toBe('TOKEN_EXPIRED');
    } finally {
      t.clock.now = new Date();
    }
  });

  it('logs out: the session cookie no longer works', async () => {
    const { client } = await signUpVerifiedOwner(t);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const after = await client.get('/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('enables TOTP MFA and then requires the code at login', async () => {
    const { client, email } = await signUpVerifiedOwner(t);
    const setup = (await client.post('/api/v1/auth/mfa/setup')).json();
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const totp = new TOTP({ secret: setup.secret });
    const wrongCode = String((Number(totp.generate()) + 1) % 1_000_000).padStart(6, '0');
    expect((await client.post('/api/v1/auth/mfa/enable', { code: wrongCode })).statusCode).toBe(401);
    expect((await client.post('/api/v1/auth/mfa/enable', { code: totp.generate() })).json()).toEqual({
      mfaEnabled: true,
    });

    const other = t.client();
    const withoutCode = await other.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(withoutCode.json().code).toBe('MFA_REQUIRED');
    const withCode = await other.post('/api/v1/auth/login', {
      email,
      password: PASSWORD,
      totp: totp.generate(),
    });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().user.mfaEnabled).toBe(true);

    expect((await other.post('/api/v1/auth/mfa/disable', { password: 'incorrecta' })).statusCode).toBe(400);
    expect((await other.post('/api/v1/auth/mfa/disable', { password: PASSWORD })).json()).toEqual({
      mfaEnabled: false,
    });
  });

  it('records every auth event', async () => {
    const { userId } = await signUpVerifiedOwner(t);
    const events = await withTenant(t.database.db, {}, async (tx) =>
      (
        (await tx.execute(
          sql`SELECT event FROM auth_events WHERE user_id = ${userId} ORDER BY id`,
        )) as unknown as {
          rows: { event: string }[];
        }
      ).rows.map((row) => row.event),
    );
    expect(events).toEqual(['signup', 'verification_sent', 'email_verified', 'login_succeeded']);
  });
});
