import { randomUUID } from 'node:crypto';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import scalarApiReference from '@scalar/fastify-api-reference';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import { accountsRoutes, createAccountsService, createMfaService } from './modules/accounts/index.js';
import type { OrganizationDirectory } from './modules/accounts/organization-directory.js';
import {
  advancesRoutes,
  createAdvanceLink,
  createAdvanceReminders,
  createAdvancesService,
  createEmployeeReimbursements,
} from './modules/advances/index.js';
import {
  approvalRulesRoutes,
  createApprovalReminders,
  createApprovalRulesService,
} from './modules/approvals/index.js';
import { backofficeRoutes, createBackofficeService } from './modules/backoffice/index.js';
import { cashCountsRoutes, createCashCountsService } from './modules/cash-counts/index.js';
import {
  categoriesRoutes,
  createCategoriesService,
  seedDefaultCategories,
} from './modules/categories/index.js';
import {
  createExpenseAttachments,
  createExpenseImportService,
  createExpenseSatStatus,
  createExpensesService,
  createInvoiceReminders,
  expensesRoutes,
  supplierListRefresher,
} from './modules/expenses/index.js';
import { createFundChangesService, createFundsService, fundsRoutes } from './modules/funds/index.js';
import {
  createGlobalInvoicing,
  createInvoiceCancellation,
  createInvoiceIssuer,
  createInvoiceMailer,
  createInvoicingService,
  createPac,
  invoicingRoutes,
  loadIssuer,
  nextFolio,
} from './modules/invoicing/index.js';
import { createJournalService, journalRoutes } from './modules/journal/index.js';
import {
  createFiscalDataService,
  createInvitationsService,
  createMembersService,
  fiscalDataRoutes,
  organizationDirectory,
  organizationsRoutes,
} from './modules/organizations/index.js';
import { createPoliciesService, policiesRoutes } from './modules/policies/index.js';
import {
  createReplenishmentAutomation,
  createReplenishmentsService,
  replenishmentsRoutes,
} from './modules/replenishments/index.js';
import { createReportsService, reportsRoutes } from './modules/reports/index.js';
import { createSat69bService, lookup69b, scheduleSat69bDownload } from './modules/sat-lists/index.js';
import {
  createPaymentProvider,
  createStripeEvents,
  createSubscriptionsService,
  createSubscriptionTimers,
  organizationIsReadOnly,
  startTrial,
  stripeWebhookRoutes,
  subscriptionsRoutes,
  writePlans,
} from './modules/subscriptions/index.js';
import { recordAuthEvent } from './platform/audit/audit.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { registerAuthentication } from './platform/auth/authenticate.js';
import { cookieNames } from './platform/auth/cookies.js';
import { registerCsrf } from './platform/auth/csrf.js';
import { PermissionDenied } from './platform/auth/permissions.js';
import { createSecretBox } from './platform/auth/secret-box.js';
import type { Database } from './platform/db/database.js';
import { healthRoutes } from './platform/http/health.routes.js';
import { withProblemResponses } from './platform/http/openapi.js';
import { problemErrorHandler } from './platform/http/problem.js';
import { registerRateLimit } from './platform/http/rate-limit.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { registerWebApp } from './platform/http/web-app.js';
import { registerIdempotency } from './platform/idempotency/idempotency.js';
import { createJobQueue } from './platform/jobs.js';
import { bufferedLogOutput } from './platform/log-output.js';
import { mailboxRoutes } from './platform/mail/mailbox.routes.js';
import { createLocalMailbox, createSmtpMailer, type Mailer } from './platform/mail/mailer.js';
import { createFileStorage } from './platform/s3-storage.js';
import { createOfflineSatStatusClient, createSoapSatStatusClient } from './platform/sat/index.js';
import { withTenant } from './platform/tenancy.js';

z.config(z.locales.es());

export interface AppDeps {
  config: Config;
  database: Database;
  /** Overrides the mail transport chosen from config (tests inject an SMTP fake's URL instead, normally). */
  mailer?: Mailer;
  now?: () => Date;
}

const REQUEST_ID_PATTERN = /^[\w.-]{1,64}$/;
export const WEB_DIST = new URL('../../web/dist', import.meta.url).pathname;

/** Builds the whole server: platform plugins first, then each module's routes. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const logOutput = bufferedLogOutput();
  const app = Fastify({
    logger: {
      level: config.logLevel,
      stream: logOutput.stream,
      hooks: logOutput.hooks,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    // Fastify's two lines per request are replaced by the one onResponse line below.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);

  // One log line per request, with its id, status and duration. Hooks on every request are
  // callback-style: no promise per request on the hot path.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });

  registerSecurityHeaders(app, { https: config.secureCookies });
  registerRateLimit(app, { global: { max: config.rateLimitPerMinute, windowMs: 60_000 } });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CajaChica API',
        version: '1.0.0',
        description:
          'API pública de CajaChica: todo lo que hace la aplicación web. Errores en application/problem+json.',
      },
      servers: [{ url: config.appUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: cookieNames(config).session },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  const cookies = cookieNames(config);
  const mailer =
    deps.mailer ??
    (config.smtpUrl
      ? createSmtpMailer(config.smtpUrl, config.mailFrom)
      : createLocalMailbox(path.join(config.dataDir, 'mailbox'), config.mailFrom));
  const services = { db: database.db, now: deps.now, log: app.log };
  await writePlans(database.db, config.billing);
  const totpSecrets = createSecretBox(config.sessionSecret, 'totp-seeds');
  const accounts = createAccountsService({
    secrets: totpSecrets,
    ...services,
    config,
    mailer,
    organizations: withOrganizationSetup(organizationDirectory, deps.now ?? (() => new Date())),
  });
  const mfa = createMfaService({ ...services, secrets: totpSecrets });
  const members = createMembersService(services);
  const invitations = createInvitationsService({ ...services, mailer, config, accounts });
  const fiscalData = createFiscalDataService({
    ...services,
    // Bound late: invoicing is made once the job queue exists (below).
    onChanged: (organizationId) => invoiceIssuer.retryRejected(organizationId),
  });
  const categories = createCategoriesService(services);
  const funds = createFundsService(services);
  const fundChanges = createFundChangesService({ ...services, mailer, config });
  const storage = createFileStorage(config.storage, config.dataDir);
  const satStatusClient = config.satStatus.online
    ? createSoapSatStatusClient({ url: config.satStatus.url, timeoutMs: config.satStatus.timeoutMs })
    : createOfflineSatStatusClient();
  const jobs = createJobQueue(database, { pollingIntervalSeconds: config.jobsPollSeconds, log: app.log });
  const replenishmentAutomation = createReplenishmentAutomation({ ...services, mailer, jobs, config });
  const expenses = createExpensesService({
    ...services,
    funds,
    lookup69b,
    advances: createAdvanceLink({ limits: config.viaticos }),
    onFundVoucherApproved: replenishmentAutomation.enqueue,
  });
  const satStatus = createExpenseSatStatus({
    ...services,
    jobs,
    lookup69b,
    client: satStatusClient,
  });
  createInvoiceReminders({ ...services, mailer, jobs, config });
  createApprovalReminders({ ...services, mailer, jobs, config });
  createSubscriptionTimers({ ...services, mailer, jobs, config });
  const clock = deps.now ?? (() => new Date());
  const issuer = loadIssuer(config.invoicing, clock());
  const pac = createPac(config.invoicing.pac, { issuer, now: clock });
  const invoicingSettings = { ...config.invoicing, ivaRate: config.billing.ivaRate };
  const invoiceIssuer = createInvoiceIssuer({
    db: database.db,
    jobs,
    pac,
    issuer,
    settings: invoicingSettings,
    now: clock,
    log: app.log,
    onStamped: async (invoice) => {
      await mailInvoice(invoice);
      await invoiceCancellation.onReplacementStamped(invoice);
    },
  });
  const mailInvoice = createInvoiceMailer({ db: database.db, mailer, appUrl: config.appUrl, log: app.log });
  const invoiceCancellation = createInvoiceCancellation({
    db: database.db,
    jobs,
    pac,
    issuer,
    series: config.invoicing.series,
    satStatus: satStatusClient,
    now: clock,
    enqueueIssue: (organizationId, invoiceId) => invoiceIssuer.enqueueIssue(organizationId, invoiceId),
  });
  createGlobalInvoicing({
    db: database.db,
    jobs,
    pac,
    issuer,
    settings: invoicingSettings,
    nextFolio: (serie) => nextFolio(database.db, serie),
    now: clock,
    log: app.log,
  });
  const paymentProvider = createPaymentProvider(config);
  const subscriptions = createSubscriptionsService({
    db: database.db,
    config,
    gateway: paymentProvider.gateway,
    jobs,
    now: deps.now,
    log: app.log,
    // Each confirmed payment and each refund gets its CFDI (durable jobs, once each).
    onPaymentConfirmed: invoiceIssuer.onPaymentConfirmed,
    onRefundIssued: invoiceIssuer.onRefundIssued,
  });
  const backoffice = createBackofficeService({
    ...services,
    config,
    mailer,
    jobs,
    subscriptions,
    invoices: invoiceCancellation,
  });
  const stripeEvents = paymentProvider.stripe
    ? {
        ...paymentProvider.stripe,
        events: createStripeEvents({
          db: database.db,
          jobs,
          subscriptions,
          gateway: paymentProvider.gateway,
          now: deps.now ?? (() => new Date()),
        }),
      }
    : null;
  createAdvanceReminders({ ...services, mailer, jobs, config });
  const replenishments = createReplenishmentsService({ ...services, satStatus });
  if (config.sat69bUrl) {
    const sat69b = createSat69bService({
      db: database.db,
      refreshOrganization: supplierListRefresher(database.db, lookup69b, deps.now),
    });
    scheduleSat69bDownload({ url: config.sat69bUrl, sat69b, jobs, log: app.log });
  }
  const expenseImports = createExpenseImportService({
    satStatus,
    db: database.db,
    storage,
    limits: { zip: config.imports.zip, maxXmlBytes: config.imports.maxXmlBytes },
    expenses,
    funds,
    log: app.log,
  });

  registerAuthentication(app, {
    cookies,
    resolveActor: accounts.resolveActor,
    isReadOnly: (organizationId) => organizationIsReadOnly(database.db, organizationId),
  });
  registerCsrf(app, { config, cookies });
  registerIdempotency(app, { db: database.db, now: deps.now });
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof PermissionDenied)) return;
    const actor = await request.optionalActor();
    await withTenant(database.db, {}, (tx) =>
      recordAuthEvent(tx, request.origin(), {
        event: 'authorization_failed',
        userId: actor?.userId,
        organizationId: actor?.organizationId,
        details: { action: error.action, method: request.method, url: request.url },
      }),
    );
  });

  await app.register(healthRoutes, { ping: database.ping });
  await app.register(
    async (api) => {
      await api.register(accountsRoutes, { accounts, mfa, cookies, config });
      await api.register(organizationsRoutes, { members, invitations, cookies, config });
      await api.register(fiscalDataRoutes, { fiscalData });
      await api.register(categoriesRoutes, { categories });
      await api.register(fundsRoutes, { funds, fundChanges });
      await api.register(replenishmentsRoutes, { replenishments });
      await api.register(cashCountsRoutes, { cashCounts: createCashCountsService({ ...services, funds }) });
      await api.register(policiesRoutes, { policies: createPoliciesService(services) });
      await api.register(approvalRulesRoutes, { rules: createApprovalRulesService(services) });
      await api.register(expensesRoutes, {
        expenses,
        imports: expenseImports,
        satStatus,
        attachments: createExpenseAttachments({
          ...services,
          storage,
          maxXmlBytes: config.imports.maxXmlBytes,
          expenses,
          satStatus,
          lookup69b,
        }),
        config,
      });
      await api.register(advancesRoutes, {
        advances: createAdvancesService({ ...services, funds, mailer, config }),
        reimbursements: createEmployeeReimbursements({ ...services, expenses, funds }),
      });
      await api.register(subscriptionsRoutes, { subscriptions });
      await api.register(invoicingRoutes, { invoicing: createInvoicingService({ db: database.db }) });
      await api.register(backofficeRoutes, { prefix: '/backoffice', backoffice, config });
      await api.register(stripeWebhookRoutes, { stripe: stripeEvents, now: deps.now ?? (() => new Date()) });
      await api.register(reportsRoutes, { reports: createReportsService(services) });
      await api.register(journalRoutes, { journal: createJournalService({ ...services, replenishments }) });
      await api.register(auditRoutes, { db: database.db });
    },
    { prefix: '/api/v1' },
  );
  let openapiDocument: unknown;
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => {
    openapiDocument ??= withProblemResponses(app.swagger() as Parameters<typeof withProblemResponses>[0]);
    return openapiDocument;
  });
  await app.register(async (docs) => {
    // Scalar's API reference renders with inline scripts: only its pages go without the CSP.
    docs.addHook('onSend', async (_request, reply) => {
      reply.removeHeader('content-security-policy');
    });
    await docs.register(scalarApiReference, {
      routePrefix: '/api/docs',
      configuration: {
        url: '/api/v1/openapi.json',
        title: 'CajaChica API',
        // Self-contained docs: nothing that calls Scalar's cloud services from the customer's browser.
        telemetry: false,
        showDeveloperTools: 'never',
        mcp: { disabled: true },
        agent: { disabled: true },
      },
    });
  });
  if (config.useLocalMailbox && 'list' in mailer) {
    await app.register(mailboxRoutes, { mailbox: mailer as ReturnType<typeof createLocalMailbox> });
  }
  await registerWebApp(app, { webDist: WEB_DIST });
  await jobs.start();
  app.addHook('onClose', async () => {
    logOutput.stop();
    await jobs.stop();
  });
  return app;
}

/** A new organization starts with what every module needs, in its sign-up transaction. */
function withOrganizationSetup(directory: OrganizationDirectory, now: () => Date): OrganizationDirectory {
  return {
    ...directory,
    async createOrganizationWithOwner(tx, input) {
      const organization = await directory.createOrganizationWithOwner(tx, input);
      await seedDefaultCategories(tx, organization.id);
      await startTrial(tx, organization.id, now());
      return organization;
    },
  };
}
