import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/pg-errors.js';
import { AppError } from '../errors.js';
import { withTenant } from '../tenancy.js';
import { idempotencyKeys } from './idempotency.schema.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const LIFETIME_MS = 24 * 3600_000;
const REPLAYED_HEADERS = ['content-type', 'location'];

interface PendingKey {
  organizationId: string;
  id: string;
}
const pending = new WeakMap<FastifyRequest, PendingKey>();

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

/**
 * Idempotency-Key on POST, scoped to (organization, key owner), kept 24 h: a retry gets the first
 * response byte for byte (with `idempotent-replayed: true`); the same key with another request is
 * 422; a retry while the first is still running is 409. Requests without a signed-in owner
 * (sign-up, login) ignore the header: they have no scope to keep it in.
 */
export function registerIdempotency(app: FastifyInstance, options: { db: Db; now?: () => Date }) {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  // Callback-style with a synchronous exit: requests without a key (nearly all) pay no promise.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method !== 'POST' || request.headers['idempotency-key'] === undefined) return done();
    applyKey(request, reply).then(
      (replayed) => {
        if (!replayed) done();
      },
      (error: Error) => done(error),
    );
  });

  /** Starts or replays the keyed request; true when the saved answer was sent. */
  async function applyKey(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new AppError(
        'IDEMPOTENCY_KEY_INVALID',
        400,
        'Idempotency-Key debe tener de 1 a 255 caracteres ASCII visibles.',
      );
    }
    const actor = await request.optionalActor();
    if (!actor) return false;
    const scope = { organizationId: actor.organizationId, userId: actor.userId };
    const hash = requestHash(request);
    const outcome = await withTenant(db, scope, async (tx) => {
      const sameKey = and(
        eq(idempotencyKeys.organizationId, actor.organizationId),
        eq(idempotencyKeys.ownerId, actor.userId),
        eq(idempotencyKeys.key, key),
      );
      await tx.delete(idempotencyKeys).where(and(sameKey, lt(idempotencyKeys.expiresAt, now())));
      const [existing] = await tx.select().from(idempotencyKeys).where(sameKey);
      if (existing) return { existing };
      const [created] = await tx
        .insert(idempotencyKeys)
        .values({
          organizationId: actor.organizationId,
          ownerId: actor.userId,
          key,
          method: request.method,
          path: request.url,
          requestHash: hash,
          expiresAt: new Date(now().getTime() + LIFETIME_MS),
        })
        .returning({ id: idempotencyKeys.id });
      return { created };
    }).catch((error: unknown) => {
      if (isUniqueViolation(error)) return { racing: true as const };
      throw error;
    });

    if ('racing' in outcome) throw inProgress();
    if ('created' in outcome && outcome.created) {
      pending.set(request, { organizationId: actor.organizationId, id: outcome.created.id });
      return false;
    }
    const existing = 'existing' in outcome ? outcome.existing : undefined;
    if (!existing) return false;
    if (existing.requestHash !== hash) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        422,
        'Esta Idempotency-Key ya se usó con otra solicitud. Usa una clave nueva para cada operación distinta.',
      );
    }
    if (existing.statusCode === null) throw inProgress();
    replay(reply, existing);
    return true;
  }

  app.addHook('onSend', (request, reply, payload, done) => {
    const key = pending.get(request);
    if (!key) return done(null, payload);
    pending.delete(request);
    saveResponse(key, reply, payload).then(
      () => done(null, payload),
      (error: Error) => done(error),
    );
  });

  async function saveResponse(key: PendingKey, reply: FastifyReply, payload: unknown) {
    await withTenant(db, { organizationId: key.organizationId }, async (tx) => {
      const where = and(
        eq(idempotencyKeys.organizationId, key.organizationId),
        eq(idempotencyKeys.id, key.id),
      );
      // A server error is not an outcome worth keeping: the client may retry with the same key.
      if (reply.statusCode >= 500) return tx.delete(idempotencyKeys).where(where);
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      return tx
        .update(idempotencyKeys)
        .set({
          statusCode: reply.statusCode,
          responseHeaders: headers,
          responseBody: typeof payload === 'string' ? payload : payload == null ? '' : String(payload),
        })
        .where(where);
    });
  }
}

function inProgress() {
  return new AppError(
    'IDEMPOTENCY_IN_PROGRESS',
    409,
    'La primera solicitud con esta Idempotency-Key aún se está procesando. Intenta de nuevo en unos segundos.',
  );
}

function replay(
  reply: FastifyReply,
  saved: {
    statusCode: number | null;
    responseHeaders: Record<string, string> | null;
    responseBody: string | null;
  },
) {
  return reply
    .status(saved.statusCode ?? 200)
    .headers({ ...saved.responseHeaders, 'idempotent-replayed': 'true' })
    .serializer((body: unknown) => body as string)
    .send(saved.responseBody ?? '');
}
