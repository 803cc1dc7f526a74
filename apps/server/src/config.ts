import path from 'node:path';
import { z } from 'zod';
import { isValidClabe } from './modules/subscriptions/clabe.js';

const pesos = (fallback: string) =>
  z
    .string()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, 'debe ser un importe en pesos, p. ej. 750.00')
    .default(fallback);

/** Every environment variable the server reads, in one schema. Defaults give the embedded mode. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  APP_URL: z.url().default('http://localhost:3000'),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().default('CajaChica <no-reply@cajachica.local>'),
  SESSION_SECRET: z.string().min(32, 'debe tener al menos 32 caracteres').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1000),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  IMPORT_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  IMPORT_MAX_FILES: z.coerce.number().int().positive().default(1000),
  CFDI_MAX_XML_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  ZIP_MAX_ENTRIES: z.coerce.number().int().positive().default(20_000),
  ZIP_MAX_TOTAL_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024 * 1024),
  ZIP_MAX_RATIO: z.coerce.number().int().positive().default(200),
  SAT_STATUS_SERVICE: z.enum(['online', 'offline']).optional(),
  SAT_STATUS_URL: z.url().optional(),
  SAT_STATUS_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  SAT_69B_URL: z.url().optional(),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).default(2),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  S3_PREFIX: z.string().optional(),
  // Viáticos deductible per day (LISR art. 28 fr. V), in pesos; the law's values are the defaults.
  VIATICOS_FOOD_NATIONAL_PER_DAY: pesos('750.00'),
  VIATICOS_FOOD_ABROAD_PER_DAY: pesos('1500.00'),
  VIATICOS_CAR_RENTAL_PER_DAY: pesos('850.00'),
  VIATICOS_LODGING_ABROAD_PER_DAY: pesos('3850.00'),
  // Subscription prices in pesos before IVA (BILLING.md); written into the plans table at start.
  PLAN_MONTHLY_PRICE: pesos('499.00'),
  PLAN_ANNUAL_PRICE: pesos('4990.00'),
  IVA_RATE: z
    .string()
    .regex(/^0\.\d{1,6}$/, 'debe ser una tasa decimal, p. ej. 0.16')
    .default('0.16'),
  /** OXXO's cap per voucher (IVA included); larger payments are offered SPEI or card. */
  OXXO_MAX_TOTAL: pesos('10000.00'),
  /** Days of full access after a missed payment before the account turns read-only. */
  BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  // Who takes payments (BILLING.md): stripe when STRIPE_SECRET_KEY is set; else the sandbox in
  // development and manual transfers (the platform's CLABE, confirmed by the operator) in production.
  PAYMENT_PROVIDER: z.enum(['sandbox', 'manual', 'stripe']).optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'debe ser una llave secreta de Stripe (sk_…)')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'debe ser el secreto de firma de webhooks (whsec_…)')
    .optional(),
  /** Another Stripe API address (a local fake in tests): protocol, host and port are taken from it. */
  STRIPE_API_URL: z.url().optional(),
  /** Days an OXXO voucher stays payable (Stripe allows 1 to 7). */
  STRIPE_OXXO_EXPIRES_DAYS: z.coerce.number().int().min(1).max(7).default(3),
  // The platform's own account for manual SPEI transfers.
  PLATFORM_CLABE: z.string().optional(),
  PLATFORM_BANK: z.string().min(1).optional(),
  PLATFORM_BENEFICIARY: z.string().min(1).optional(),
  /** Where the back office's daily reconciliation alerts are emailed (none: shown in the back office only). */
  OPERATOR_EMAIL: z.email().optional(),
  // The platform as CFDI issuer (BILLING.md §CFDI). Defaults: SAT's public test taxpayer, whose
  // test CSD ships in apps/server/assets/sat-test-csd (embedded mode; no fiscal validity).
  CFDI_ISSUER_RFC: z.string().optional(),
  CFDI_ISSUER_NAME: z.string().min(1).optional(),
  CFDI_ISSUER_REGIME: z
    .string()
    .regex(/^\d{3}$/, 'debe ser una clave de régimen fiscal, p. ej. 601')
    .optional(),
  CFDI_ISSUER_POSTAL_CODE: z
    .string()
    .regex(/^\d{5}$/, 'debe ser un código postal de 5 dígitos')
    .optional(),
  CFDI_CSD_CER: z.string().min(1).optional(),
  CFDI_CSD_KEY: z.string().min(1).optional(),
  CFDI_CSD_PASSWORD: z.string().min(1).optional(),
  CFDI_SERIES_INGRESO: z
    .string()
    .regex(/^[A-Z]{1,10}$/, 'debe ser de 1 a 10 letras mayúsculas')
    .default('CC'),
  CFDI_SERIES_EGRESO: z
    .string()
    .regex(/^[A-Z]{1,10}$/, 'debe ser de 1 a 10 letras mayúsculas')
    .default('NC'),
  /** ClaveProdServ and ClaveUnidad of the subscription (BILLING.md; to confirm with an accountant). */
  CFDI_PRODUCT_KEY: z
    .string()
    .regex(/^\d{8}$/, 'debe ser una clave de 8 dígitos')
    .default('81112106'),
  CFDI_UNIT_KEY: z
    .string()
    .regex(/^[A-Z0-9]{2,3}$/, 'debe ser una clave de unidad, p. ej. E48')
    .default('E48'),
  /** Who stamps: the sandbox (embedded default), a PAC that stamps our sealed XML, or Facturapi. */
  CFDI_PAC: z.enum(['sandbox', 'sealed-xml', 'facturapi']).optional(),
  PAC_URL: z.url().optional(),
  PAC_USER: z.string().min(1).optional(),
  PAC_PASSWORD: z.string().min(1).optional(),
  PAC_TOKEN: z.string().min(1).optional(),
  FACTURAPI_KEY: z
    .string()
    .regex(/^sk_(test|live)_\w+$/, 'debe ser una llave secreta de Facturapi (sk_…)')
    .optional(),
  FACTURAPI_URL: z.url().optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Where uploaded files go: DATA_DIR/files, or an S3-compatible bucket. */
export type StorageConfig =
  | { driver: 'local' }
  | {
      driver: 's3';
      endpoint: string | undefined;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
      prefix: string | undefined;
    };

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  appUrl: string;
  /** Cookies get `__Host-` and Secure only where the browser accepts them: production over HTTPS. */
  secureCookies: boolean;
  smtpUrl: string | undefined;
  /** The local mailbox at /dev/mailbox replaces SMTP only outside production. */
  useLocalMailbox: boolean;
  mailFrom: string;
  sessionSecret: string;
  logLevel: Env['LOG_LEVEL'];
  rateLimitPerMinute: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  trustProxy: boolean;
  /** SAT's CFDI status service: asked only when online (offline: every status says "no verificado"). */
  satStatus: { online: boolean; url: string | undefined; timeoutMs: number };
  /** Where the daily job downloads SAT's 69-B list from; none: the operator imports it by CLI. */
  sat69bUrl: string | undefined;
  jobsPollSeconds: number;
  /** CFDI import: upload and ZIP limits (ZIPs are checked before extraction). */
  imports: {
    maxFileBytes: number;
    maxFiles: number;
    maxXmlBytes: number;
    zip: { maxEntries: number; maxTotalBytes: number; maxRatio: number };
  };
  storage: StorageConfig;
  /** Subscription prices (pesos before IVA) and the IVA rate. */
  billing: {
    monthlyPrice: string;
    annualPrice: string;
    ivaRate: string;
    oxxoMaxTotal: string;
    graceDays: number;
    payments: PaymentsConfig;
    operatorEmail: string | undefined;
  };
  invoicing: InvoicingConfig;
  /** Viáticos deductible per calendar day of a trip (LISR art. 28 fr. V), decimal pesos. */
  viaticos: {
    foodNationalPerDay: string;
    foodAbroadPerDay: string;
    carRentalPerDay: string;
    lodgingAbroadPerDay: string;
  };
}

export class ConfigError extends Error {}

// Only for development and tests: production refuses to start without SESSION_SECRET.
const DEVELOPMENT_SESSION_SECRET = 'development-only-session-secret-not-for-production';

/** Reads and validates the environment; throws ConfigError naming each bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';
  const missing: string[] = [];
  if (isProduction && !env.SESSION_SECRET) missing.push('SESSION_SECRET');
  if (isProduction && !env.SMTP_URL) missing.push('SMTP_URL');
  if (missing.length > 0) {
    throw new ConfigError(`Missing required configuration in production: ${missing.join(', ')}`);
  }
  const storage = storageConfig(env);
  return {
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    appUrl: env.APP_URL.replace(/\/$/, ''),
    secureCookies: isProduction && env.APP_URL.startsWith('https:'),
    smtpUrl: env.SMTP_URL,
    useLocalMailbox: !env.SMTP_URL && !isProduction,
    mailFrom: env.MAIL_FROM,
    sessionSecret: env.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    logLevel: env.LOG_LEVEL,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginLockMinutes: env.LOGIN_LOCK_MINUTES,
    trustProxy: env.TRUST_PROXY,
    // Embedded installs often run without internet: asking SAT there would only fail slowly.
    satStatus: {
      online: (env.SAT_STATUS_SERVICE ?? (isProduction ? 'online' : 'offline')) === 'online',
      url: env.SAT_STATUS_URL,
      timeoutMs: env.SAT_STATUS_TIMEOUT_MS,
    },
    sat69bUrl: env.SAT_69B_URL,
    jobsPollSeconds: env.JOBS_POLL_SECONDS,
    imports: {
      maxFileBytes: env.IMPORT_MAX_FILE_BYTES,
      maxFiles: env.IMPORT_MAX_FILES,
      maxXmlBytes: env.CFDI_MAX_XML_BYTES,
      zip: {
        maxEntries: env.ZIP_MAX_ENTRIES,
        maxTotalBytes: env.ZIP_MAX_TOTAL_BYTES,
        maxRatio: env.ZIP_MAX_RATIO,
      },
    },
    storage,
    billing: {
      monthlyPrice: env.PLAN_MONTHLY_PRICE,
      annualPrice: env.PLAN_ANNUAL_PRICE,
      ivaRate: env.IVA_RATE,
      oxxoMaxTotal: env.OXXO_MAX_TOTAL,
      graceDays: env.BILLING_GRACE_DAYS,
      payments: paymentsConfig(env, isProduction),
      operatorEmail: env.OPERATOR_EMAIL,
    },
    invoicing: invoicingConfig(env, isProduction),
    viaticos: {
      foodNationalPerDay: env.VIATICOS_FOOD_NATIONAL_PER_DAY,
      foodAbroadPerDay: env.VIATICOS_FOOD_ABROAD_PER_DAY,
      carRentalPerDay: env.VIATICOS_CAR_RENTAL_PER_DAY,
      lodgingAbroadPerDay: env.VIATICOS_LODGING_ABROAD_PER_DAY,
    },
  };
}

/** The issuer's seal certificate (CSD): files and password, read and checked when the app builds. */
export interface CsdFiles {
  cerPath: string;
  keyPath: string;
  password: string;
  /** SAT's public test certificate of the embedded mode (its expiry is said plainly). */
  isSatTestCertificate: boolean;
}

export type PacConfig =
  | { name: 'sandbox' }
  | { name: 'sealed-xml'; url: string; auth: { user: string; password: string } | { token: string } }
  | { name: 'facturapi'; apiKey: string; url: string | undefined };

export interface InvoicingConfig {
  issuer: { rfc: string; name: string; regime: string; postalCode: string };
  csd: CsdFiles;
  series: { ingreso: string; egreso: string };
  productKey: string;
  unitKey: string;
  pac: PacConfig;
}

const SAT_TEST_CSD_DIR = new URL('../assets/sat-test-csd/', import.meta.url).pathname;

function invoicingConfig(env: Env, isProduction: boolean): InvoicingConfig {
  const pacName = env.CFDI_PAC ?? (env.FACTURAPI_KEY ? 'facturapi' : isProduction ? undefined : 'sandbox');
  if (!pacName) {
    throw new ConfigError('Missing required configuration in production: CFDI_PAC (sealed-xml or facturapi)');
  }
  const issuerVariables = [
    'CFDI_ISSUER_RFC',
    'CFDI_ISSUER_NAME',
    'CFDI_ISSUER_REGIME',
    'CFDI_ISSUER_POSTAL_CODE',
  ] as const;
  const csdVariables = ['CFDI_CSD_CER', 'CFDI_CSD_KEY', 'CFDI_CSD_PASSWORD'] as const;
  const ownIssuer = issuerVariables.some((name) => env[name]);
  const ownCsd = csdVariables.some((name) => env[name]);
  // A real PAC or a real issuer needs the whole issuer and its own CSD: never SAT's test one.
  if (pacName !== 'sandbox' || ownIssuer || ownCsd) {
    const missing = [...issuerVariables, ...csdVariables].filter((name) => !env[name]);
    if (missing.length > 0) {
      throw new ConfigError(`Missing required configuration for CFDI_PAC=${pacName}: ${missing.join(', ')}`);
    }
  }
  const issuer = {
    rfc: (env.CFDI_ISSUER_RFC ?? 'EKU9003173C9').toUpperCase(),
    name: env.CFDI_ISSUER_NAME ?? 'ESCUELA KEMPER URGATE',
    regime: env.CFDI_ISSUER_REGIME ?? '601',
    postalCode: env.CFDI_ISSUER_POSTAL_CODE ?? '42501',
  };
  if (!/^[A-ZÑ&]{3,4}\d{6}[A-Z\d]{3}$/.test(issuer.rfc)) {
    throw new ConfigError('Invalid configuration:\n  CFDI_ISSUER_RFC: must be an RFC of 12 or 13 characters');
  }
  const csd: CsdFiles = ownCsd
    ? {
        cerPath: env.CFDI_CSD_CER as string,
        keyPath: env.CFDI_CSD_KEY as string,
        password: env.CFDI_CSD_PASSWORD as string,
        isSatTestCertificate: false,
      }
    : {
        cerPath: path.join(SAT_TEST_CSD_DIR, 'EKU9003173C9.cer'),
        keyPath: path.join(SAT_TEST_CSD_DIR, 'EKU9003173C9.key'),
        password: '12345678a',
        isSatTestCertificate: true,
      };
  return {
    issuer,
    csd,
    series: { ingreso: env.CFDI_SERIES_INGRESO, egreso: env.CFDI_SERIES_EGRESO },
    productKey: env.CFDI_PRODUCT_KEY,
    unitKey: env.CFDI_UNIT_KEY,
    pac: pacConfig(pacName, env),
  };
}

function pacConfig(name: PacConfig['name'], env: Env): PacConfig {
  if (name === 'sandbox') return { name };
  if (name === 'facturapi') {
    if (!env.FACTURAPI_KEY)
      throw new ConfigError('Missing required configuration for CFDI_PAC=facturapi: FACTURAPI_KEY');
    return { name, apiKey: env.FACTURAPI_KEY, url: env.FACTURAPI_URL };
  }
  if (!env.PAC_URL) throw new ConfigError('Missing required configuration for CFDI_PAC=sealed-xml: PAC_URL');
  if (env.PAC_TOKEN) return { name, url: env.PAC_URL, auth: { token: env.PAC_TOKEN } };
  if (!env.PAC_USER || !env.PAC_PASSWORD) {
    throw new ConfigError(
      'Missing required configuration for CFDI_PAC=sealed-xml: PAC_TOKEN, or PAC_USER and PAC_PASSWORD',
    );
  }
  return { name, url: env.PAC_URL, auth: { user: env.PAC_USER, password: env.PAC_PASSWORD } };
}

/** The payment provider and what it needs; a provider chosen without its settings stops the start. */
export type PaymentsConfig =
  | { provider: 'sandbox'; manual: ManualTransferConfig | null }
  | { provider: 'manual'; manual: ManualTransferConfig }
  | {
      provider: 'stripe';
      manual: ManualTransferConfig | null;
      secretKey: string;
      webhookSecret: string;
      apiUrl: string | undefined;
      oxxoExpiresDays: number;
    };

/** The platform's bank account that manual SPEI transfers go to. */
export interface ManualTransferConfig {
  clabe: string;
  bank: string;
  beneficiary: string;
}

function manualTransferConfig(env: Env): ManualTransferConfig | null {
  const { PLATFORM_CLABE: clabe, PLATFORM_BANK: bank, PLATFORM_BENEFICIARY: beneficiary } = env;
  if (!clabe && !bank && !beneficiary) return null;
  if (!clabe || !bank || !beneficiary) {
    const missing = (['PLATFORM_CLABE', 'PLATFORM_BANK', 'PLATFORM_BENEFICIARY'] as const).filter(
      (name) => !env[name],
    );
    throw new ConfigError(`Missing required configuration for manual transfers: ${missing.join(', ')}`);
  }
  if (!isValidClabe(clabe)) {
    throw new ConfigError(
      'Invalid configuration:\n  PLATFORM_CLABE: must be an 18-digit CLABE with a valid check digit',
    );
  }
  return { clabe, bank, beneficiary };
}

function paymentsConfig(env: Env, isProduction: boolean): PaymentsConfig {
  const manual = manualTransferConfig(env);
  const provider =
    env.PAYMENT_PROVIDER ?? (env.STRIPE_SECRET_KEY ? 'stripe' : isProduction ? 'manual' : 'sandbox');
  if (provider === 'sandbox') return { provider, manual };
  if (provider === 'manual') {
    if (!manual) {
      throw new ConfigError(
        'Missing required configuration for PAYMENT_PROVIDER=manual: PLATFORM_CLABE, PLATFORM_BANK, PLATFORM_BENEFICIARY',
      );
    }
    return { provider, manual };
  }
  const { STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret } = env;
  if (!secretKey || !webhookSecret) {
    const missing = (['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] as const).filter((name) => !env[name]);
    throw new ConfigError(
      `Missing required configuration for PAYMENT_PROVIDER=stripe: ${missing.join(', ')}`,
    );
  }
  return {
    provider,
    manual,
    secretKey,
    webhookSecret,
    apiUrl: env.STRIPE_API_URL,
    oxxoExpiresDays: env.STRIPE_OXXO_EXPIRES_DAYS,
  };
}

function storageConfig(env: Env): StorageConfig {
  if (env.STORAGE_DRIVER === 'local') return { driver: 'local' };
  const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter(
    (name) => !env[name],
  );
  const { S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!bucket || !accessKeyId || !secretAccessKey) {
    throw new ConfigError(`Missing required configuration for STORAGE_DRIVER=s3: ${missing.join(', ')}`);
  }
  return {
    driver: 's3',
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    prefix: env.S3_PREFIX,
  };
}
