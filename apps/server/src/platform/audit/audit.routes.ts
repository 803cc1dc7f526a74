import { and, desc, eq, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { users } from '../../modules/accounts/accounts.schema.js';
import type { Db } from '../db/database.js';
import { paginationQuerySchema } from '../http/schemas.js';
import { withTenant } from '../tenancy.js';
import { auditLog } from './audit.schema.js';

const auditRecordSchema = z.object({
  id: z.uuid(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  actor: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: z.date(),
});

/** GET /audit-log: the organization's append-only history, newest first (owner, admin, auditor). */
export async function auditRoutes(fastify: FastifyInstance, options: { db: Db }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['Auditoría'],
        summary: 'Bitácora de auditoría: quién, cuándo, qué, antes/después, desde dónde',
        querystring: paginationQuerySchema.extend({
          cursor: z.uuid('El cursor no es válido.').optional(),
          action: z.string().max(100).optional(),
        }),
        response: { 200: z.object({ data: z.array(auditRecordSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = await request.requirePermission('audit.read');
      const { limit, cursor, action } = request.query;
      return withTenant(options.db, { organizationId: actor.organizationId }, async (tx) => {
        const rows = await tx
          .select({ record: auditLog, actor: { id: users.id, name: users.name, email: users.email } })
          .from(auditLog)
          .leftJoin(users, eq(users.id, auditLog.actorUserId))
          .where(
            and(
              eq(auditLog.organizationId, actor.organizationId),
              cursor ? lt(auditLog.id, cursor) : undefined,
              action ? eq(auditLog.action, action) : undefined,
            ),
          )
          .orderBy(desc(auditLog.id))
          .limit(limit + 1);
        const data = rows.slice(0, limit).map(({ record, actor: who }) => ({
          id: record.id,
          action: record.action,
          targetType: record.targetType,
          targetId: record.targetId,
          actor: who?.id ? { id: who.id, name: who.name ?? '', email: who.email ?? '' } : null,
          before: record.before,
          after: record.after,
          ip: record.ip,
          requestId: record.requestId,
          createdAt: record.createdAt,
        }));
        return { data, nextCursor: rows.length > limit ? (data.at(-1)?.id ?? null) : null };
      });
    },
  );
}
