import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import { emailSchema, nameSchema, passwordSchema } from '../../platform/http/schemas.js';
import { withOperator } from '../../platform/tenancy.js';
import { backofficeErrors } from './backoffice.errors.js';
import { operators } from './backoffice.schema.js';

/** An operator as the back office shows it (never the password hash). */
export interface OperatorView {
  id: string;
  email: string;
  name: string;
}

// The same rules a tenant's user signs up with (platform/http/schemas.ts).
const newOperatorSchema = z.object({
  email: emailSchema,
  name: nameSchema('el nombre'),
  password: passwordSchema,
});

/** Emails compare case-insensitively and without surrounding spaces, as users' do. */
export const normalizeOperatorEmail = (email: string) => email.trim().toLowerCase();

/**
 * Creates a platform operator (only the CLI calls this: there is no sign-up for staff). The
 * password is hashed with argon2id off the event loop before any transaction opens.
 */
export async function createOperator(
  db: Db,
  email: string,
  name: string,
  password: string,
): Promise<OperatorView> {
  const parsed = newOperatorSchema.safeParse({ email, name, password });
  if (!parsed.success) {
    throw backofficeErrors.invalidOperator(parsed.error.issues.map((issue) => issue.message).join(' '));
  }
  const normalized = normalizeOperatorEmail(parsed.data.email);
  const passwordHash = await hashPassword(parsed.data.password);
  try {
    const [row] = await withOperator(db, (tx) =>
      tx
        .insert(operators)
        .values({ email: normalized, name: parsed.data.name, passwordHash })
        .returning({ id: operators.id, email: operators.email, name: operators.name }),
    );
    if (!row) throw new Error('operator insert returned nothing');
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw backofficeErrors.operatorExists(normalized);
    throw error;
  }
}

/** The operator with this email, enabled or not (login decides), or null. */
export async function findOperatorByEmail(tx: Tx, email: string) {
  const [row] = await tx
    .select()
    .from(operators)
    .where(eq(operators.email, normalizeOperatorEmail(email)));
  return row ?? null;
}
