import { and, desc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import { hashToken, randomToken } from '../../platform/auth/crypto.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Role } from '../../platform/auth/permissions.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { isUuid } from '../../platform/db/ids.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { invitationMail } from '../../platform/mail/templates.js';
import { withTenant } from '../../platform/tenancy.js';
import { users } from '../accounts/accounts.schema.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { findUserByEmail, insertUser, normalizeEmail } from '../accounts/users.js';
import { organizationErrors } from './organizations.errors.js';
import { invitations, memberships, organizations } from './organizations.schema.js';

export const INVITATION_LIFETIME_DAYS = 7;

/**
 * The link token starts with the organization id so the invitation is found inside that
 * tenant (RLS stays on); the random part is what proves possession, and only its hash is stored.
 */
function parseInvitationToken(token: string): { organizationId: string; tokenHash: string } {
  const organizationId = token.slice(0, 36);
  if (!isUuid(organizationId) || token[36] !== '.' || token.length < 60)
    throw organizationErrors.invitationInvalid();
  return { organizationId, tokenHash: hashToken(token) };
}

export interface InvitationsDeps {
  db: Db;
  mailer: Mailer;
  config: Pick<Config, 'appUrl'>;
  accounts: Pick<AccountsService, 'startSession' | 'switchOrganization'>;
  now?: () => Date;
  log: { error(object: unknown, message: string): void };
}

/** Invitations by email: unlimited, expiring, single-use; new people create their login, existing ones join with theirs. */
export function createInvitationsService(deps: InvitationsDeps) {
  const { db, mailer, config, accounts } = deps;
  const now = deps.now ?? (() => new Date());

  async function findUsable(tx: Tx, token: string) {
    const { organizationId, tokenHash } = parseInvitationToken(token);
    const [row] = await tx
      .select({ invitation: invitations, organization: { id: organizations.id, name: organizations.name } })
      .from(invitations)
      .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
      .where(and(eq(invitations.organizationId, organizationId), eq(invitations.tokenHash, tokenHash)));
    if (!row) throw organizationErrors.invitationInvalid();
    if (row.invitation.acceptedAt) throw organizationErrors.invitationUsed();
    if (row.invitation.revokedAt || row.invitation.expiresAt.getTime() <= now().getTime()) {
      throw organizationErrors.invitationExpired();
    }
    return row;
  }

  const tenantOfToken = (token: string) => ({ organizationId: parseInvitationToken(token).organizationId });

  return {
    async invite(actor: Actor, input: { email: string; roles: Role[] }, origin: RequestOrigin) {
      const email = normalizeEmail(input.email);
      if (input.roles.includes('owner')) throw organizationErrors.ownerRoleByTransfer();
      const token = `${actor.organizationId}.${randomToken()}`;
      const created = await withTenant(
        db,
        { organizationId: actor.organizationId, userId: actor.userId },
        async (tx) => {
          const existing = await findUserByEmail(tx, email);
          if (existing) {
            const [member] = await tx
              .select({ id: memberships.id })
              .from(memberships)
              .where(
                and(
                  eq(memberships.organizationId, actor.organizationId),
                  eq(memberships.userId, existing.id),
                  eq(memberships.active, true),
                ),
              );
            if (member) throw organizationErrors.alreadyMember();
          }
          // A new invitation replaces earlier pending ones to the same address.
          await tx
            .update(invitations)
            .set({ revokedAt: now() })
            .where(
              and(
                eq(invitations.email, email),
                isNull(invitations.acceptedAt),
                isNull(invitations.revokedAt),
              ),
            );
          const [invitation] = await tx
            .insert(invitations)
            .values({
              organizationId: actor.organizationId,
              email,
              roles: input.roles,
              tokenHash: hashToken(token),
              invitedBy: actor.membershipId,
              expiresAt: new Date(now().getTime() + INVITATION_LIFETIME_DAYS * 86_400_000),
            })
            .returning();
          if (!invitation) throw new Error('invitation insert returned nothing');
          const [organization] = await tx
            .select()
            .from(organizations)
            .where(eq(organizations.id, actor.organizationId));
          await recordAudit(tx, auditAs(actor), origin, {
            action: 'invitation.created',
            targetType: 'invitation',
            targetId: invitation.id,
            after: { email, roles: input.roles },
          });
          return { invitation, organizationName: organization?.name ?? '' };
        },
      );
      const url = `${config.appUrl}/invitacion?token=${token}`;
      try {
        await mailer.send(
          invitationMail(email, actor.name, created.organizationName, url, INVITATION_LIFETIME_DAYS),
        );
      } catch (error) {
        deps.log.error({ err: error, to: email }, 'invitation mail delivery failed');
      }
      const { invitation } = created;
      return {
        id: invitation.id,
        email: invitation.email,
        roles: invitation.roles as Role[],
        expiresAt: invitation.expiresAt,
        createdAt: invitation.createdAt,
        invitedBy: { id: actor.userId, name: actor.name },
      };
    },

    /** Pending invitations (not accepted, revoked or expired), newest first. */
    async listPending(actor: Actor, page: { limit: number; cursor?: string | undefined }) {
      return withTenant(db, { organizationId: actor.organizationId, userId: actor.userId }, async (tx) => {
        const rows = await tx
          .select({ invitation: invitations, inviter: { id: users.id, name: users.name } })
          .from(invitations)
          .leftJoin(
            memberships,
            and(
              eq(memberships.organizationId, invitations.organizationId),
              eq(memberships.id, invitations.invitedBy),
            ),
          )
          .leftJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              eq(invitations.organizationId, actor.organizationId),
              isNull(invitations.acceptedAt),
              isNull(invitations.revokedAt),
              gt(invitations.expiresAt, now()),
              page.cursor ? lt(invitations.id, page.cursor) : undefined,
            ),
          )
          .orderBy(desc(invitations.id))
          .limit(page.limit + 1);
        const data = rows.slice(0, page.limit).map(({ invitation, inviter }) => ({
          id: invitation.id,
          email: invitation.email,
          roles: invitation.roles as Role[],
          expiresAt: invitation.expiresAt,
          createdAt: invitation.createdAt,
          invitedBy: inviter?.id ? { id: inviter.id, name: inviter.name ?? '' } : null,
        }));
        return { data, nextCursor: rows.length > page.limit ? (data.at(-1)?.id ?? null) : null };
      });
    },

    async revoke(actor: Actor, invitationId: string, origin: RequestOrigin) {
      await withTenant(db, { organizationId: actor.organizationId, userId: actor.userId }, async (tx) => {
        const [revoked] = await tx
          .update(invitations)
          .set({ revokedAt: now() })
          .where(
            and(
              eq(invitations.organizationId, actor.organizationId),
              eq(invitations.id, invitationId),
              isNull(invitations.acceptedAt),
              isNull(invitations.revokedAt),
            ),
          )
          .returning();
        if (!revoked) throw organizationErrors.invitationNotFound();
        await recordAudit(tx, auditAs(actor), origin, {
          action: 'invitation.revoked',
          targetType: 'invitation',
          targetId: invitationId,
          before: { email: revoked.email, roles: revoked.roles },
        });
      });
    },

    /** What the acceptance page shows before the person decides. */
    async lookup(token: string) {
      return withTenant(db, tenantOfToken(token), async (tx) => {
        const { invitation, organization } = await findUsable(tx, token);
        const existingUser = (await findUserByEmail(tx, invitation.email)) !== null;
        return { organization, email: invitation.email, roles: invitation.roles as Role[], existingUser };
      });
    },

    /**
     * Joins the invited person: a new login (name + password; the email is proven by the link)
     * or the signed-in existing user whose email it was sent to. Returns their new session or Me.
     */
    async accept(
      token: string,
      input: { name?: string | undefined; password?: string | undefined },
      signedIn: Actor | null,
      origin: RequestOrigin,
    ) {
      const scope = tenantOfToken(token);
      const preview = await withTenant(db, scope, async (tx) => {
        const { invitation } = await findUsable(tx, token);
        return { email: invitation.email, user: await findUserByEmail(tx, invitation.email) };
      });
      if (preview.user) {
        if (!signedIn) throw organizationErrors.loginRequired(preview.email);
        if (signedIn.userId !== preview.user.id) throw organizationErrors.wrongAccount(preview.email);
      } else if (!input.name || !input.password) {
        throw organizationErrors.newAccountFieldsRequired();
      }
      const passwordHash = preview.user ? null : await hashPassword(input.password ?? '');
      const joined = await withTenant(db, scope, async (tx) => {
        const { invitation } = await findUsable(tx, token);
        const user =
          preview.user ??
          (await insertUser(tx, {
            email: invitation.email,
            name: input.name ?? '',
            passwordHash: passwordHash ?? '',
            emailVerifiedAt: now(),
          }));
        const used = await tx
          .update(invitations)
          .set({ acceptedAt: now(), acceptedBy: user.id })
          .where(
            and(
              eq(invitations.organizationId, invitation.organizationId),
              eq(invitations.id, invitation.id),
              isNull(invitations.acceptedAt),
            ),
          )
          .returning({ id: invitations.id });
        if (used.length === 0) throw organizationErrors.invitationUsed();
        const membershipId = await joinOrganization(
          tx,
          invitation.organizationId,
          user.id,
          invitation.roles as Role[],
          now(),
        );
        await recordAudit(tx, { organizationId: invitation.organizationId, userId: user.id }, origin, {
          action: 'invitation.accepted',
          targetType: 'membership',
          targetId: membershipId,
          after: { userId: user.id, email: user.email, roles: invitation.roles },
        });
        return { userId: user.id, organizationId: invitation.organizationId };
      });
      if (signedIn) {
        return {
          session: null,
          me: await accounts.switchOrganization(signedIn, joined.organizationId, origin),
        };
      }
      return accounts.startSession(joined.userId, joined.organizationId, origin);
    },
  };
}

/** Adds the person, or reactivates their former membership with the invited roles (history kept). */
async function joinOrganization(tx: Tx, organizationId: string, userId: string, roles: Role[], at: Date) {
  const [existing] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  if (existing?.active) throw organizationErrors.alreadyMember();
  if (existing) {
    await tx
      .update(memberships)
      .set({ roles, active: true, deactivatedAt: null, updatedAt: at })
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.id, existing.id)));
    return existing.id;
  }
  const [created] = await tx
    .insert(memberships)
    .values({ organizationId, userId, roles })
    .returning({ id: memberships.id });
  if (!created) throw new Error('membership insert returned nothing');
  return created.id;
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
