import type { Config } from '../../config.js';
import { type AuthEventName, recordAuthEvent } from '../../platform/audit/audit.js';
import type { RequestOrigin } from '../../platform/auth/actor.js';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/passwords.js';
import type { Db } from '../../platform/db/database.js';
import { withOperator, withTenant } from '../../platform/tenancy.js';
// The tenants' per-account throttle, reused as is under an `operator:` key: the same table, policy
// and lock, never shared with a user who happens to have the same email.
import { clearLoginFailures, recordLoginFailure, secondsLocked } from '../accounts/login-throttle.js';
import { backofficeErrors } from './backoffice.errors.js';
import { createOperatorSession, deleteOperatorSession, findOperatorBySession } from './operator-sessions.js';
import { findOperatorByEmail, normalizeOperatorEmail, type OperatorView } from './operators.js';

/**
 * Signing platform operators in and out. The throttle and the auth events live in global tables
 * that app_user writes (login_throttle, auth_events), so that part runs with no tenant, as the
 * tenants' login does; operators and their sessions are app_operator's.
 */
export function createOperatorAuth(deps: {
  db: Db;
  config: Pick<Config, 'loginMaxFailures' | 'loginLockMinutes'>;
  now: () => Date;
}) {
  const { db, now } = deps;
  const policy = { maxFailures: deps.config.loginMaxFailures, lockMinutes: deps.config.loginLockMinutes };
  const throttleKey = (email: string) => `operator:${email}`;
  const authEvent = (origin: RequestOrigin, event: AuthEventName, email: string, operatorId?: string) =>
    withTenant(db, {}, (tx) =>
      recordAuthEvent(tx, origin, { event, email, details: { realm: 'backoffice', operatorId } }),
    );

  return {
    /** Checks the throttle and the password; answers the operator and a new session token. */
    async login(input: { email: string; password: string }, origin: RequestOrigin) {
      const email = normalizeOperatorEmail(input.email);
      const locked = await withTenant(db, {}, (tx) => secondsLocked(tx, throttleKey(email), now()));
      if (locked > 0) {
        await authEvent(origin, 'login_throttled', email);
        throw backofficeErrors.loginThrottled(locked);
      }
      const operator = await withOperator(db, (tx) => findOperatorByEmail(tx, email));
      // argon2 runs outside any transaction; an unknown email costs the same time as a wrong password.
      const passwordOk = await verifyPassword(
        operator?.passwordHash ?? (await dummyPasswordHash()),
        input.password,
      );
      if (!operator || !passwordOk || operator.disabledAt) {
        await withTenant(db, {}, async (tx) => {
          await recordLoginFailure(tx, throttleKey(email), policy, now());
          await recordAuthEvent(tx, origin, {
            event: 'login_failed',
            email,
            details: { realm: 'backoffice', operatorId: operator?.id },
          });
        });
        throw backofficeErrors.invalidCredentials();
      }
      const token = await withOperator(db, (tx) => createOperatorSession(tx, operator.id, now()));
      await withTenant(db, {}, async (tx) => {
        await clearLoginFailures(tx, throttleKey(email));
        await recordAuthEvent(tx, origin, {
          event: 'login_succeeded',
          email,
          details: { realm: 'backoffice', operatorId: operator.id },
        });
      });
      const view: OperatorView = { id: operator.id, email: operator.email, name: operator.name };
      return { operator: view, token };
    },

    /** The signed-in operator behind a cookie value, or null. */
    resolve: (token: string) => withOperator(db, (tx) => findOperatorBySession(tx, token, now())),

    async logout(token: string, operator: OperatorView | null, origin: RequestOrigin) {
      await withOperator(db, (tx) => deleteOperatorSession(tx, token));
      if (operator) await authEvent(origin, 'logout', operator.email, operator.id);
    },
  };
}

export type OperatorAuth = ReturnType<typeof createOperatorAuth>;
