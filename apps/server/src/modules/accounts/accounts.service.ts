import { eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { recordAuthEvent } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import type { Role } from '../../platform/auth/permissions.js';
import type { SecretBox } from '../../platform/auth/secret-box.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { passwordResetMail, verificationMail } from '../../platform/mail/templates.js';
import { switchTenant, withTenant } from '../../platform/tenancy.js';
import { accountErrors } from './accounts.errors.js';
import { users } from './accounts.schema.js';
import { clearLoginFailures, recordLoginFailure, secondsLocked } from './login-throttle.js';
import { verifyTotp } from './mfa.js';
import type { OrganizationDirectory } from './organization-directory.js';
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  findLiveSession,
  moveSessionToOrganization,
} from './sessions.js';
import { consumeUserToken, issueUserToken, TOKEN_LIFETIME_MINUTES } from './user-tokens.js';
import { findUserByEmail, findUserById, insertUser, normalizeEmail } from './users.js';

export interface AccountsDeps {
  db: Db;
  config: Pick<Config, 'appUrl' | 'loginMaxFailures' | 'loginLockMinutes'>;
  mailer: Mailer;
  organizations: OrganizationDirectory;
  /** Opens the sealed TOTP seeds. */
  secrets: Pick<SecretBox, 'open'>;
  now?: () => Date;
  log: { error(object: unknown, message: string): void };
}

export interface Me {
  user: { id: string; email: string; name: string; mfaEnabled: boolean };
  organization: { id: string; name: string };
  /** The person's membership in the current organization: fund custodians and spenders are memberships. */
  membershipId: string;
  roles: Role[];
  memberships: { organization: { id: string; name: string }; roles: Role[] }[];
}

/** Sign-up, email verification, login/logout, password reset, organization switching. */
export function createAccountsService(deps: AccountsDeps) {
  const { db, config, mailer, organizations } = deps;
  const now = deps.now ?? (() => new Date());

  // Mail goes out after the transaction commits; a failed send is logged and can be retried
  // by the person ("reenviar"), it never undoes what was stored.
  async function sendAfterCommit(mail: Parameters<Mailer['send']>[0]) {
    try {
      await mailer.send(mail);
    } catch (error) {
      deps.log.error({ err: error, to: mail.to, subject: mail.subject }, 'mail delivery failed');
    }
  }

  async function sendVerification(user: { id: string; email: string; name: string }, origin: RequestOrigin) {
    const token = await withTenant(db, {}, async (tx) => {
      await recordAuthEvent(tx, origin, { event: 'verification_sent', userId: user.id, email: user.email });
      return issueUserToken(tx, user.id, 'verify_email', now());
    });
    const url = `${config.appUrl}/verificar?token=${token}`;
    await sendAfterCommit(
      verificationMail(user.email, user.name, url, TOKEN_LIFETIME_MINUTES.verify_email / 60),
    );
  }

  async function buildMe(
    tx: Parameters<Parameters<Db['transaction']>[0]>[0],
    userId: string,
    organizationId: string,
  ) {
    await switchTenant(tx, { organizationId, userId });
    const user = await findUserById(tx, userId);
    const memberships = await organizations.listActiveMembershipsOfUser(tx, userId);
    const current = memberships.find((membership) => membership.organization.id === organizationId);
    if (!user || !current) throw accountErrors.unauthenticated();
    return {
      user: { id: user.id, email: user.email, name: user.name, mfaEnabled: user.totpEnabledAt !== null },
      organization: current.organization,
      membershipId: current.membershipId,
      roles: current.roles,
      memberships: memberships.map(({ organization, roles }) => ({ organization, roles })),
    } satisfies Me;
  }

  return {
    /** Creates the person, their organization and its owner membership in one transaction. */
    async signup(
      input: { email: string; password: string; name: string; organizationName: string },
      origin: RequestOrigin,
    ) {
      const passwordHash = await hashPassword(input.password);
      const result = await withTenant(db, {}, async (tx) => {
        if (await findUserByEmail(tx, input.email)) throw accountErrors.emailTaken();
        const user = await insertUser(tx, { email: input.email, name: input.name, passwordHash });
        const organization = await organizations.createOrganizationWithOwner(tx, {
          organizationId: newId(),
          name: input.organizationName.trim(),
          ownerUserId: user.id,
        });
        await recordAuthEvent(tx, origin, {
          event: 'signup',
          userId: user.id,
          organizationId: organization.id,
          email: user.email,
        });
        return { user: { id: user.id, email: user.email, name: user.name }, organization };
      });
      await sendVerification(result.user, origin);
      return result;
    },

    /** Sends a fresh verification link; answers the same whether or not the email exists. */
    async resendVerification(email: string, origin: RequestOrigin) {
      const user = await withTenant(db, {}, (tx) => findUserByEmail(tx, email));
      if (user && !user.emailVerifiedAt) await sendVerification(user, origin);
    },

    async verifyEmail(token: string, origin: RequestOrigin) {
      await withTenant(db, {}, async (tx) => {
        const userId = await consumeUserToken(tx, token, 'verify_email', now());
        await tx.update(users).set({ emailVerifiedAt: now(), updatedAt: now() }).where(eq(users.id, userId));
        await recordAuthEvent(tx, origin, { event: 'email_verified', userId });
      });
    },

    /** Checks throttling, password, verification and TOTP; opens a session in the person's first organization. */
    async login(
      input: { email: string; password: string; totp?: string | undefined },
      origin: RequestOrigin,
    ) {
      const email = normalizeEmail(input.email);
      const policy = { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes };
      const known = await withTenant(db, {}, async (tx) => {
        const locked = await secondsLocked(tx, email, now());
        if (locked > 0) await recordAuthEvent(tx, origin, { event: 'login_throttled', email });
        return { locked, user: locked > 0 ? null : await findUserByEmail(tx, email) };
      });
      if (known.locked > 0) throw accountErrors.loginThrottled(known.locked);
      const user = known.user;
      // argon2 runs outside the transaction: no connection is held while it hashes.
      const passwordOk = await verifyPassword(
        user?.passwordHash ?? (await dummyPasswordHash()),
        input.password,
      );
      const attempt = await withTenant(db, {}, async (tx) => {
        const fail = async (reason: string, error: Error) => {
          await recordLoginFailure(tx, email, policy, now());
          await recordAuthEvent(tx, origin, {
            event: 'login_failed',
            userId: user?.id,
            email,
            details: { reason },
          });
          return { error };
        };
        if (!user || !passwordOk) return fail('credentials', accountErrors.invalidCredentials());
        if (!user.emailVerifiedAt) return { error: accountErrors.emailNotVerified() };
        if (user.totpEnabledAt && user.totpSecret) {
          if (!input.totp) return { error: accountErrors.mfaRequired() };
          if (!verifyTotp(deps.secrets.open(user.totpSecret), input.totp))
            return fail('totp', accountErrors.mfaInvalid());
        }
        await switchTenant(tx, { userId: user.id });
        const [first] = await organizations.listActiveMembershipsOfUser(tx, user.id);
        if (!first) return { error: accountErrors.noActiveMembership() };
        await clearLoginFailures(tx, email);
        const session = await createSession(
          tx,
          {
            userId: user.id,
            organizationId: first.organization.id,
            ip: origin.ip,
            userAgent: origin.userAgent,
          },
          now(),
        );
        await recordAuthEvent(tx, origin, {
          event: 'login_succeeded',
          userId: user.id,
          organizationId: first.organization.id,
          email,
        });
        return { session, me: await buildMe(tx, user.id, first.organization.id) };
      });
      // Failures are committed (counted and audited) before the error is raised.
      if ('error' in attempt) throw attempt.error;
      return attempt;
    },

    async logout(actor: Actor, origin: RequestOrigin) {
      await withTenant(db, {}, async (tx) => {
        await deleteSession(tx, actor.sessionId);
        await recordAuthEvent(tx, origin, {
          event: 'logout',
          userId: actor.userId,
          organizationId: actor.organizationId,
        });
      });
    },

    async requestPasswordReset(email: string, origin: RequestOrigin) {
      const issued = await withTenant(db, {}, async (tx) => {
        const user = await findUserByEmail(tx, email);
        await recordAuthEvent(tx, origin, {
          event: 'password_reset_requested',
          userId: user?.id,
          email: normalizeEmail(email),
        });
        return user ? { user, token: await issueUserToken(tx, user.id, 'password_reset', now()) } : null;
      });
      if (!issued) return;
      const url = `${config.appUrl}/restablecer?token=${issued.token}`;
      await sendAfterCommit(
        passwordResetMail(issued.user.email, issued.user.name, url, TOKEN_LIFETIME_MINUTES.password_reset),
      );
    },

    /** Sets the new password, proves the email, ends every session and lifts a login lock. */
    async confirmPasswordReset(input: { token: string; password: string }, origin: RequestOrigin) {
      const passwordHash = await hashPassword(input.password);
      await withTenant(db, {}, async (tx) => {
        const userId = await consumeUserToken(tx, input.token, 'password_reset', now());
        const [user] = await tx
          .update(users)
          .set({ passwordHash, updatedAt: now() })
          .where(eq(users.id, userId))
          .returning();
        if (!user) throw accountErrors.tokenInvalid();
        if (!user.emailVerifiedAt)
          await tx.update(users).set({ emailVerifiedAt: now() }).where(eq(users.id, userId));
        await deleteUserSessions(tx, userId);
        await clearLoginFailures(tx, normalizeEmail(user.email));
        await recordAuthEvent(tx, origin, { event: 'password_reset_completed', userId });
      });
    },

    async me(actor: Actor): Promise<Me> {
      return withTenant(db, {}, (tx) => buildMe(tx, actor.userId, actor.organizationId));
    },

    async switchOrganization(actor: Actor, organizationId: string, origin: RequestOrigin): Promise<Me> {
      return withTenant(db, { userId: actor.userId }, async (tx) => {
        await switchTenant(tx, { organizationId, userId: actor.userId });
        const membership = await organizations.findActiveMembership(tx, organizationId, actor.userId);
        if (!membership) throw accountErrors.organizationNotFound();
        await moveSessionToOrganization(tx, actor.sessionId, organizationId);
        await recordAuthEvent(tx, origin, {
          event: 'organization_switched',
          userId: actor.userId,
          organizationId,
          details: { from: actor.organizationId },
        });
        return buildMe(tx, actor.userId, organizationId);
      });
    },

    /** The Actor behind a session cookie: a live session and an active membership in its organization. */
    async resolveActor(sessionToken: string): Promise<Actor | null> {
      return withTenant(db, {}, async (tx) => {
        const found = await findLiveSession(tx, sessionToken, now());
        if (!found) return null;
        const { session, user } = found;
        await switchTenant(tx, { organizationId: session.organizationId, userId: user.id });
        const membership = await organizations.findActiveMembership(tx, session.organizationId, user.id);
        if (!membership) return null;
        return {
          kind: 'user',
          userId: user.id,
          email: user.email,
          name: user.name,
          organizationId: session.organizationId,
          membershipId: membership.id,
          roles: membership.roles,
          sessionId: session.id,
        } satisfies Actor;
      });
    },

    /** Opens a session for someone who just proved who they are another way (accepting an invitation). */
    async startSession(userId: string, organizationId: string, origin: RequestOrigin) {
      return withTenant(db, {}, async (tx) => {
        const session = await createSession(
          tx,
          { userId, organizationId, ip: origin.ip, userAgent: origin.userAgent },
          now(),
        );
        await recordAuthEvent(tx, origin, {
          event: 'login_succeeded',
          userId,
          organizationId,
          details: { via: 'invitation' },
        });
        return { session, me: await buildMe(tx, userId, organizationId) };
      });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
