import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { type CookieNames, cookieOptions } from '../../platform/auth/cookies.js';
import {
  emailSchema,
  idParamSchema,
  meSchema,
  organizationRefSchema,
  paginationQuerySchema,
  passwordSchema,
  roleSchema,
  userRefSchema,
} from '../../platform/http/schemas.js';
import { SESSION_LIFETIME_SECONDS } from '../accounts/sessions.js';
import type { InvitationsService } from './invitations.service.js';
import type { MembersService } from './members.service.js';

const rolesSchema = z.array(roleSchema).min(1, 'Elige al menos un rol.').max(7);
const memberSchema = z.object({
  id: z.uuid(),
  user: userRefSchema,
  roles: z.array(roleSchema),
  active: z.boolean(),
  createdAt: z.date(),
});
const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  roles: z.array(roleSchema),
  expiresAt: z.date(),
  createdAt: z.date(),
  invitedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });
const invitationTokenSchema = z
  .string()
  .min(40, 'La invitación no es válida.')
  .max(200, 'La invitación no es válida.');

export async function organizationsRoutes(
  fastify: FastifyInstance,
  options: {
    members: MembersService;
    invitations: InvitationsService;
    cookies: CookieNames;
    config: Pick<Config, 'secureCookies'>;
  },
) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { members, invitations, cookies, config } = options;

  app.get(
    '/members',
    {
      schema: {
        tags: ['Organización'],
        summary: 'Miembros de la organización',
        querystring: paginationQuerySchema,
        response: { 200: page(memberSchema) },
      },
    },
    async (request) => members.list(await request.requirePermission('members.read'), request.query),
  );

  app.get(
    '/members/directory',
    {
      schema: {
        tags: ['Organización'],
        summary:
          'Nombres de los miembros activos (para elegir testigo de un arqueo o empleado de un anticipo); cualquier miembro',
        response: { 200: z.object({ data: z.array(z.object({ id: z.uuid(), name: z.string() })) }) },
      },
    },
    async (request) => members.directory(await request.requireActor()),
  );

  app.patch(
    '/members/:id',
    {
      schema: {
        tags: ['Organización'],
        summary: 'Cambiar roles o activar/desactivar a un miembro',
        params: idParamSchema,
        body: z
          .object({ roles: rolesSchema.optional(), active: z.boolean().optional() })
          .refine((body) => body.roles !== undefined || body.active !== undefined, 'Indica roles o active.'),
        response: { 200: memberSchema },
      },
    },
    async (request) =>
      members.update(
        await request.requirePermission('members.manage'),
        request.params.id,
        request.body,
        request.origin(),
      ),
  );

  app.post(
    '/organization/owner',
    {
      schema: {
        tags: ['Organización'],
        summary: 'Transferir la administración de la cuenta',
        body: z.object({ userId: z.uuid('El identificador no es válido.') }),
        response: { 200: z.object({ ownerUserId: z.uuid() }) },
      },
    },
    async (request) =>
      members.transferOwnership(
        await request.requirePermission('organization.ownership.transfer'),
        request.body.userId,
        request.origin(),
      ),
  );

  app.get(
    '/invitations',
    {
      schema: {
        tags: ['Organización'],
        summary: 'Invitaciones pendientes',
        querystring: paginationQuerySchema,
        response: { 200: page(invitationSchema) },
      },
    },
    async (request) =>
      invitations.listPending(await request.requirePermission('members.manage'), request.query),
  );

  app.post(
    '/invitations',
    {
      schema: {
        tags: ['Organización'],
        summary: 'Invitar a una persona por correo',
        body: z.object({ email: emailSchema, roles: rolesSchema }),
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await invitations.invite(
            await request.requirePermission('members.manage'),
            request.body,
            request.origin(),
          ),
        ),
  );

  app.delete(
    '/invitations/:id',
    {
      schema: {
        tags: ['Organización'],
        summary: 'Cancelar una invitación pendiente',
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await invitations.revoke(
        await request.requirePermission('members.manage'),
        request.params.id,
        request.origin(),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/invitations/lookup',
    {
      schema: {
        tags: ['Organización'],
        summary: 'Datos de una invitación por su enlace (público)',
        querystring: z.object({ token: invitationTokenSchema }),
        response: {
          200: z.object({
            organization: organizationRefSchema,
            email: z.string(),
            roles: z.array(roleSchema),
            existingUser: z.boolean(),
          }),
        },
      },
    },
    async (request) => invitations.lookup(request.query.token),
  );

  app.post(
    '/invitations/accept',
    {
      config: { rateLimit: { max: 30, windowMs: 60_000 } },
      schema: {
        tags: ['Organización'],
        summary: 'Aceptar una invitación (persona nueva: nombre y contraseña; existente: con su sesión)',
        body: z.object({
          token: invitationTokenSchema,
          name: z.string().trim().min(1, 'Escribe tu nombre.').max(200).optional(),
          password: passwordSchema.optional(),
        }),
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const { token, ...input } = request.body;
      const result = await invitations.accept(token, input, await request.optionalActor(), request.origin());
      if (result.session) {
        reply.setCookie(
          cookies.session,
          result.session.token,
          cookieOptions(config, SESSION_LIFETIME_SECONDS),
        );
      }
      return result.me;
    },
  );
}
