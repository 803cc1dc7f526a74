import type { CookieSerializeOptions } from '@fastify/cookie';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { hashToken, randomToken } from '../../platform/auth/crypto.js';
import type { Tx } from '../../platform/db/database.js';
import { operatorSessions, operators } from './backoffice.schema.js';
import type { OperatorView } from './operators.js';

// Staff sessions see every customer's payments: shorter than a tenant's week. Idle for two hours
// ends one; a working day ends it whatever the activity.
const IDLE_SECONDS = 2 * 3600;
const ABSOLUTE_SECONDS = 12 * 3600;
// Sliding the expiry on every request would write on every request; once in a while is enough.
const REFRESH_AFTER_MS = 5 * 60_000;

/** Apart from the tenant's cc_session; `__Host-` (Secure, path /, no Domain) over HTTPS in production. */
export function operatorCookieName(config: Pick<Config, 'secureCookies'>): string {
  return `${config.secureCookies ? '__Host-' : ''}cc_operator`;
}

/** Strict: no other site's link or form ever carries the operator's session. */
export function operatorCookieOptions(
  config: Pick<Config, 'secureCookies'>,
  maxAgeSeconds?: number,
): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

export const OPERATOR_COOKIE_MAX_AGE_SECONDS = ABSOLUTE_SECONDS;

const expiryFrom = (now: Date, createdAt: Date) =>
  new Date(Math.min(now.getTime() + IDLE_SECONDS * 1000, createdAt.getTime() + ABSOLUTE_SECONDS * 1000));

/** Opens a session; only the token's hash is stored, the token goes into the cookie. */
export async function createOperatorSession(tx: Tx, operatorId: string, now: Date): Promise<string> {
  const token = randomToken();
  await tx.insert(operatorSessions).values({
    tokenHash: hashToken(token),
    operatorId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: expiryFrom(now, now),
  });
  return token;
}

/** The enabled operator behind a live session token, sliding its idle expiry now and then. */
export async function findOperatorBySession(tx: Tx, token: string, now: Date): Promise<OperatorView | null> {
  const [row] = await tx
    .select({
      session: operatorSessions,
      operator: { id: operators.id, email: operators.email, name: operators.name },
    })
    .from(operatorSessions)
    .innerJoin(operators, eq(operators.id, operatorSessions.operatorId))
    .where(
      and(
        eq(operatorSessions.tokenHash, hashToken(token)),
        gt(operatorSessions.expiresAt, now),
        isNull(operators.disabledAt),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > REFRESH_AFTER_MS) {
    await tx
      .update(operatorSessions)
      .set({ lastSeenAt: now, expiresAt: expiryFrom(now, row.session.createdAt) })
      .where(eq(operatorSessions.id, row.session.id));
  }
  return row.operator;
}

export async function deleteOperatorSession(tx: Tx, token: string): Promise<void> {
  await tx.delete(operatorSessions).where(eq(operatorSessions.tokenHash, hashToken(token)));
}
