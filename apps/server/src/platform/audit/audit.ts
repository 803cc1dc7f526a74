import { authEvents } from '../../modules/accounts/accounts.schema.js';
import type { Actor, RequestOrigin } from '../auth/actor.js';
import { bulkInsert } from '../db/bulk-insert.js';
import type { Tx } from '../db/database.js';
import { auditLog } from './audit.schema.js';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Appends an audit record in the same transaction as the change it describes. */
export async function recordAudit(
  tx: Tx,
  who: { organizationId: string; userId: string | null },
  origin: RequestOrigin,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    organizationId: who.organizationId,
    actorUserId: who.userId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: origin.ip,
    requestId: origin.requestId,
  });
}

export function auditAs(actor: Actor) {
  return { organizationId: actor.organizationId, userId: actor.userId };
}

export type AuthEventName =
  | 'signup'
  | 'email_verified'
  | 'verification_sent'
  | 'login_succeeded'
  | 'login_failed'
  | 'login_throttled'
  | 'logout'
  | 'password_reset_requested'
  | 'password_reset_completed'
  | 'mfa_enabled'
  | 'mfa_disabled'
  | 'organization_switched'
  | 'authorization_failed';

/** Appends an authentication event (global: a failed login may name no known user). */
export async function recordAuthEvent(
  tx: Tx,
  origin: RequestOrigin,
  event: {
    event: AuthEventName;
    userId?: string | null;
    organizationId?: string | null;
    email?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(authEvents).values({
    event: event.event,
    userId: event.userId ?? null,
    organizationId: event.organizationId ?? null,
    email: event.email ?? null,
    ip: origin.ip,
    userAgent: origin.userAgent ?? null,
    details: event.details ?? null,
  });
}

/** Appends many audit records in one statement (an import of thousands of expenses). */
export async function recordAuditMany(
  tx: Tx,
  who: { organizationId: string; userId: string | null },
  origin: RequestOrigin,
  entries: readonly AuditEntry[],
): Promise<void> {
  await bulkInsert(
    tx,
    auditLog,
    entries.map((entry) => ({
      organizationId: who.organizationId,
      actorUserId: who.userId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      ip: origin.ip,
      requestId: origin.requestId,
    })),
    { returning: false },
  );
}
