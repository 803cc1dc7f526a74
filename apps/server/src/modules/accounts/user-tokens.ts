import { and, eq, isNull } from 'drizzle-orm';
import { hashToken, randomToken } from '../../platform/auth/crypto.js';
import type { Tx } from '../../platform/db/database.js';
import { accountErrors } from './accounts.errors.js';
import { userTokens } from './accounts.schema.js';

export type TokenPurpose = 'verify_email' | 'password_reset';

export const TOKEN_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  verify_email: 48 * 60,
  password_reset: 30,
};

/** Issues a single-use link token; only its hash is stored. */
export async function issueUserToken(
  tx: Tx,
  userId: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string> {
  const token = randomToken();
  await tx.insert(userTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000),
  });
  return token;
}

/**
 * Marks the token used and returns its user. The UPDATE ... WHERE used_at IS NULL makes the
 * second of two simultaneous uses fail, not both succeed.
 */
export async function consumeUserToken(
  tx: Tx,
  token: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string> {
  const tokenHash = hashToken(token);
  const [found] = await tx
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, tokenHash), eq(userTokens.purpose, purpose)));
  if (!found) throw accountErrors.tokenInvalid();
  if (found.usedAt) throw accountErrors.tokenUsed();
  if (found.expiresAt.getTime() <= now.getTime()) throw accountErrors.tokenExpired();
  const used = await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.id, found.id), isNull(userTokens.usedAt)))
    .returning({ id: userTokens.id });
  if (used.length === 0) throw accountErrors.tokenUsed();
  return found.userId;
}
