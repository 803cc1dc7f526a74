import { and, eq, gt } from 'drizzle-orm';
import { hashToken, randomToken } from '../../platform/auth/crypto.js';
import type { Tx } from '../../platform/db/database.js';
import { sessions, users } from './accounts.schema.js';

export const SESSION_LIFETIME_SECONDS = 7 * 24 * 3600;
// Extending expiry on every request would write on every request; once in a while is enough.
const SESSION_REFRESH_AFTER_MS = 10 * 60_000;

export async function createSession(
  tx: Tx,
  input: { userId: string; organizationId: string; ip: string; userAgent: string | undefined },
  now: Date,
): Promise<{ id: string; token: string }> {
  const token = randomToken();
  const [row] = await tx
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId: input.userId,
      organizationId: input.organizationId,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000),
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return { id: row.id, token };
}

/** The live session behind a cookie value, with its user, sliding its expiry now and then. */
export async function findLiveSession(tx: Tx, token: string, now: Date) {
  const [row] = await tx
    .select({ session: sessions, user: { id: users.id, email: users.email, name: users.name } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > SESSION_REFRESH_AFTER_MS) {
    await tx
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000) })
      .where(eq(sessions.id, row.session.id));
  }
  return row;
}

export async function deleteSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(tx: Tx, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function moveSessionToOrganization(
  tx: Tx,
  sessionId: string,
  organizationId: string,
): Promise<void> {
  await tx.update(sessions).set({ organizationId }).where(eq(sessions.id, sessionId));
}
