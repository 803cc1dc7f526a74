import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { cookieNames, cookieOptions } from './platform/auth/cookies.js';

describe('configuration', () => {
  it('defaults to the embedded mode: port 3000, PGlite under ./data, local mailbox', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.useLocalMailbox).toBe(true);
    expect(config.secureCookies).toBe(false);
  });

  it('stops a production start without a session secret, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.mx:587' })).toThrow(
      /SESSION_SECRET/,
    );
  });

  it('names each invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('uses __Host- Secure cookies in production over HTTPS and plain names over http in development', () => {
    const production = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 's'.repeat(40),
      SMTP_URL: 'smtp://mail.example.mx:587',
      APP_URL: 'https://app.cajachica.mx',
    });
    expect(cookieNames(production)).toEqual({ session: '__Host-cc_session', csrf: '__Host-cc_csrf' });
    expect(cookieOptions(production)).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
    });
    const development = loadConfig({});
    expect(cookieNames(development).session).toBe('cc_session');
    expect(cookieOptions(development).secure).toBe(false);
  });
});
