import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { type CookieNames, cookieOptions } from '../../platform/auth/cookies.js';
import {
  emailSchema,
  emptySchema,
  meSchema,
  nameSchema,
  organizationRefSchema,
  passwordSchema,
  tokenSchema,
} from '../../platform/http/schemas.js';
import type { AccountsService } from './accounts.service.js';
import type { MfaService } from './mfa.js';
import { SESSION_LIFETIME_SECONDS } from './sessions.js';

const tags = ['Cuentas'];
const totpSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'El código tiene 6 dígitos.');

export async function accountsRoutes(
  fastify: FastifyInstance,
  options: {
    accounts: AccountsService;
    mfa: MfaService;
    cookies: CookieNames;
    config: Pick<Config, 'secureCookies'>;
  },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { accounts, mfa, cookies, config } = options;
  // Brute force from one address is slowed here; per-account throttling is in the service.
  const authRateLimit = { rateLimit: { max: 30, windowMs: 60_000 } };

  app.post(
    '/auth/signup',
    {
      config: authRateLimit,
      schema: {
        tags,
        summary: 'Crear una cuenta y su organización',
        body: z.object({
          email: emailSchema,
          password: passwordSchema,
          name: nameSchema('tu nombre'),
          organizationName: nameSchema('el nombre de la organización'),
        }),
        response: {
          201: z.object({
            user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
            organization: organizationRefSchema,
          }),
        },
      },
    },
    async (request, reply) => reply.status(201).send(await accounts.signup(request.body, request.origin())),
  );

  app.post(
    '/auth/resend-verification',
    {
      config: authRateLimit,
      schema: {
        tags,
        summary: 'Reenviar el correo de verificación',
        body: z.object({ email: emailSchema }),
        response: { 202: emptySchema },
      },
    },
    async (request, reply) => {
      await accounts.resendVerification(request.body.email, request.origin());
      return reply.status(202).send({});
    },
  );

  app.post(
    '/auth/verify-email',
    {
      schema: {
        tags,
        summary: 'Confirmar el correo con el enlace enviado',
        body: z.object({ token: tokenSchema }),
        response: { 200: z.object({ verified: z.literal(true) }) },
      },
    },
    async (request) => {
      await accounts.verifyEmail(request.body.token, request.origin());
      return { verified: true as const };
    },
  );

  app.post(
    '/auth/login',
    {
      config: authRateLimit,
      schema: {
        tags,
        summary: 'Iniciar sesión (cookie de sesión)',
        body: z.object({
          email: emailSchema,
          password: z.string().min(1, 'Escribe tu contraseña.').max(1024),
          totp: totpSchema.optional(),
        }),
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const { session, me } = await accounts.login(request.body, request.origin());
      reply.setCookie(cookies.session, session.token, cookieOptions(config, SESSION_LIFETIME_SECONDS));
      return me;
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Cerrar sesión', response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = await request.optionalActor();
      if (actor) await accounts.logout(actor, request.origin());
      reply.clearCookie(cookies.session, cookieOptions(config));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: authRateLimit,
      schema: {
        tags,
        summary: 'Pedir un enlace para restablecer la contraseña',
        body: z.object({ email: emailSchema }),
        response: { 202: emptySchema },
      },
    },
    async (request, reply) => {
      await accounts.requestPasswordReset(request.body.email, request.origin());
      return reply.status(202).send({});
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Elegir una contraseña nueva con el enlace',
        body: z.object({ token: tokenSchema, password: passwordSchema }),
        response: { 200: emptySchema },
      },
    },
    async (request) => {
      await accounts.confirmPasswordReset(request.body, request.origin());
      return {};
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags,
        summary: 'La persona, su organización actual y sus membresías',
        response: { 200: meSchema },
      },
    },
    async (request) => accounts.me(await request.requireActor()),
  );

  app.post(
    '/auth/switch-organization',
    {
      schema: {
        tags,
        summary: 'Actuar en otra organización de la persona',
        body: z.object({ organizationId: z.uuid('El identificador no es válido.') }),
        response: { 200: meSchema },
      },
    },
    async (request) =>
      accounts.switchOrganization(
        await request.requireActor(),
        request.body.organizationId,
        request.origin(),
      ),
  );

  app.post(
    '/auth/mfa/setup',
    {
      schema: {
        tags,
        summary: 'Generar el secreto TOTP y su código QR',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }) },
      },
    },
    async (request) => mfa.setup(await request.requireActor()),
  );

  app.post(
    '/auth/mfa/enable',
    {
      schema: {
        tags,
        summary: 'Activar la verificación en dos pasos',
        body: z.object({ code: totpSchema }),
        response: { 200: z.object({ mfaEnabled: z.boolean() }) },
      },
    },
    async (request) => mfa.enable(await request.requireActor(), request.body.code, request.origin()),
  );

  app.post(
    '/auth/mfa/disable',
    {
      schema: {
        tags,
        summary: 'Desactivar la verificación en dos pasos',
        body: z.object({ password: z.string().min(1, 'Escribe tu contraseña.').max(1024) }),
        response: { 200: z.object({ mfaEnabled: z.boolean() }) },
      },
    },
    async (request) => mfa.disable(await request.requireActor(), request.body.password, request.origin()),
  );
}
