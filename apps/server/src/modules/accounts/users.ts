import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import { accountErrors } from './accounts.errors.js';
import { users } from './accounts.schema.js';

/** Emails compare case-insensitively and without surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(tx: Tx, email: string) {
  const [user] = await tx
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(email)));
  return user ?? null;
}

export async function findUserById(tx: Tx, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  return user ?? null;
}

/** Inserts a login identity; a duplicate email (even one racing in parallel) is EMAIL_TAKEN. */
export async function insertUser(
  tx: Tx,
  input: { email: string; name: string; passwordHash: string; emailVerifiedAt?: Date | null },
) {
  try {
    const [user] = await tx
      .insert(users)
      .values({
        email: normalizeEmail(input.email),
        name: input.name.trim(),
        passwordHash: input.passwordHash,
        emailVerifiedAt: input.emailVerifiedAt ?? null,
      })
      .returning();
    if (!user) throw new Error('user insert returned nothing');
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw accountErrors.emailTaken();
    throw error;
  }
}
