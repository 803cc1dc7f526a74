import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { cookieNames, cookieOptions } from './platform/auth/cookies.js';

const PLATFORM_ACCOUNT = {
  PLATFORM_CLABE: '002010077777777771',
  PLATFORM_BANK: 'Banamex',
  PLATFORM_BENEFICIARY: 'CajaChica SA de CV',
  // Production picks its PAC explicitly; the sandbox one is allowed when asked for by name.
  CFDI_PAC: 'sandbox',
};

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

  it('keeps files under DATA_DIR unless the s3 driver is chosen', () => {
    expect(loadConfig({}).storage).toEqual({ driver: 'local' });
    const s3 = {
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'cajachica',
      S3_ACCESS_KEY_ID: 'AKIA',
      S3_SECRET_ACCESS_KEY: 'secreto',
    };
    expect(loadConfig(s3).storage).toEqual({
      driver: 's3',
      endpoint: undefined,
      region: 'us-east-1',
      bucket: 'cajachica',
      accessKeyId: 'AKIA',
      secretAccessKey: 'secreto',
      forcePathStyle: false,
      prefix: undefined,
    });
    expect(
      loadConfig({ ...s3, S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true' }).storage,
    ).toMatchObject({ endpoint: 'http://minio:9000', forcePathStyle: true });
  });

  it('stops a start with the s3 driver but no bucket or keys, naming each variable', () => {
    const start = () =>
      loadConfig({ STORAGE_DRIVER: 's3', S3_ACCESS_KEY_ID: 'AKIA', S3_SECRET_ACCESS_KEY: 's' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ STORAGE_DRIVER: 's3' })).toThrow(
      /S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({ STORAGE_DRIVER: 'ftp' })).toThrow(/STORAGE_DRIVER/);
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
      ...PLATFORM_ACCOUNT,
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

  it('chooses the payment provider: the sandbox in development, manual transfers in production, Stripe when its key is set', () => {
    expect(loadConfig({}).billing.payments).toEqual({ provider: 'sandbox', manual: null });
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 's'.repeat(40),
      SMTP_URL: 'smtp://mail.example.mx:587',
    };
    expect(() => loadConfig(production)).toThrow(/PLATFORM_CLABE, PLATFORM_BANK, PLATFORM_BENEFICIARY/);
    expect(loadConfig({ ...production, ...PLATFORM_ACCOUNT }).billing.payments).toEqual({
      provider: 'manual',
      manual: { clabe: '002010077777777771', bank: 'Banamex', beneficiary: 'CajaChica SA de CV' },
    });
    expect(
      loadConfig({ STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: 'whsec_abc' }).billing.payments,
    ).toEqual({
      provider: 'stripe',
      manual: null,
      secretKey: 'sk_test_123',
      webhookSecret: 'whsec_abc',
      apiUrl: undefined,
      oxxoExpiresDays: 3,
    });
  });

  it('names what a chosen payment provider lacks, and refuses a CLABE with a wrong check digit', () => {
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_test_123' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => loadConfig({ PAYMENT_PROVIDER: 'stripe' })).toThrow(
      /STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET/,
    );
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'pk_test_123' })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => loadConfig({ ...PLATFORM_ACCOUNT, PLATFORM_CLABE: '002010077777777772' })).toThrow(
      /PLATFORM_CLABE/,
    );
    expect(() => loadConfig({ PLATFORM_CLABE: '002010077777777771' })).toThrow(
      /PLATFORM_BANK, PLATFORM_BENEFICIARY/,
    );
    expect(() => loadConfig({ STRIPE_OXXO_EXPIRES_DAYS: '9' })).toThrow(/STRIPE_OXXO_EXPIRES_DAYS/);
  });
});
