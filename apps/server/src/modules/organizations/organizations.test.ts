import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  addMember,
  logIn,
  PASSWORD,
  signUpVerifiedOwner,
  uniqueEmail,
} from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import type { TestApp } from '../../../test/helpers/test-app.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { withTenant } from '../../platform/tenancy.js';

interface MemberBody {
  id: string;
  user: { id: string; email: string };
  roles: string[];
  active: boolean;
}

describe.each(testDatabaseKinds())('organizations on %s', (kind) => {
  const t = useTestApp(kind);

  const membersOf = async (client: ReturnType<TestApp['client']>) =>
    (await client.get('/api/v1/members')).json<{ data: MemberBody[] }>().data;

  it('invites a new person, who accepts with name and password and joins with the invited roles', async () => {
    const owner = await signUpVerifiedOwner(t);
    const email = uniqueEmail('invitada');
    const invite = await owner.client.post('/api/v1/invitations', { email, roles: ['approver', 'employee'] });
    expect(invite.statusCode).toBe(201);
    const pending = (await owner.client.get('/api/v1/invitations')).json().data;
    expect(pending.map((i: { email: string }) => i.email)).toEqual([email]);

    const token = t.mailer.tokenFrom(email, '/invitacion');
    const visitor = t.client();
    const lookup = (await visitor.get(`/api/v1/invitations/lookup?token=${token}`)).json();
    expect(lookup).toMatchObject({ email, existingUser: false, organization: { id: owner.organizationId } });
    const accepted = await visitor.post('/api/v1/invitations/accept', {
      token,
      name: 'Beto',
      password: PASSWORD,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().roles).toEqual(['approver', 'employee']);
    expect((await visitor.get('/api/v1/me')).json().organization.id).toBe(owner.organizationId);

    const reused = await t
      .client()
      .post('/api/v1/invitations/accept', { token, name: 'Otra', password: PASSWORD });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().code).toBe('TOKEN_USED');
    expect((await owner.client.get('/api/v1/invitations')).json().data).toEqual([]);
    expect((await membersOf(owner.client)).map((m) => m.user.email)).toContain(email);
  });

  it('refuses an expired invitation', async () => {
    const owner = await signUpVerifiedOwner(t);
    const email = uniqueEmail('tarde');
    await owner.client.post('/api/v1/invitations', { email, roles: ['employee'] });
    const token = t.mailer.tokenFrom(email, '/invitacion');
    t.clock.now = new Date(Date.now() + 8 * 86_400_000);
    try {
      const response = await t
        .client()
        .post('/api/v1/invitations/accept', { token, name: 'Tarde', password: PASSWORD });
      expect(response.statusCode).toBe(410);
      expect(response.json().code).toBe('TOKEN_EXPIRED');
    } finally {
      t.clock.now = new Date();
    }
  });

  it('lets an existing user join with their own login and switch between organizations', async () => {
    const first = await signUpVerifiedOwner(t, { organizationName: 'Primera' });
    const second = await signUpVerifiedOwner(t, { organizationName: 'Segunda' });
    await second.client.post('/api/v1/invitations', { email: first.email, roles: ['accountant'] });
    const token = t.mailer.tokenFrom(first.email, '/invitacion');

    expect((await t.client().get(`/api/v1/invitations/lookup?token=${token}`)).json().existingUser).toBe(
      true,
    );
    const anonymous = await t.client().post('/api/v1/invitations/accept', { token });
    expect(anonymous.json().code).toBe('LOGIN_REQUIRED');
    const wrongPerson = await second.client.post('/api/v1/invitations/accept', { token });
    expect(wrongPerson.json().code).toBe('INVITATION_FOR_ANOTHER_EMAIL');

    const joined = await first.client.post('/api/v1/invitations/accept', { token });
    expect(joined.statusCode).toBe(200);
    expect(joined.json().organization.name).toBe('Segunda');
    expect(
      joined
        .json()
        .memberships.map((m: { organization: { name: string } }) => m.organization.name)
        .sort(),
    ).toEqual(['Primera', 'Segunda']);
    const back = await first.client.post('/api/v1/auth/switch-organization', {
      organizationId: first.organizationId,
    });
    expect(back.json()).toMatchObject({ organization: { name: 'Primera' }, roles: ['owner'] });
  });

  it('answers 404 for another organization ids and never shows its members', async () => {
    const a = await signUpVerifiedOwner(t, { organizationName: 'A' });
    const b = await signUpVerifiedOwner(t, { organizationName: 'B' });
    const memberOfA = await addMember(t, a.client, ['employee']);
    const [aMembership] = (await membersOf(a.client)).filter((m) => m.user.id === memberOfA.userId);

    expect((await membersOf(b.client)).map((m) => m.user.id)).toEqual([b.userId]);
    const patch = await b.client.patch(`/api/v1/members/${aMembership?.id}`, { active: false });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().code).toBe('MEMBER_NOT_FOUND');
    const switched = await b.client.post('/api/v1/auth/switch-organization', {
      organizationId: a.organizationId,
    });
    expect(switched.statusCode).toBe(404);
    const transfer = await b.client.post('/api/v1/organization/owner', { userId: memberOfA.userId });
    expect(transfer.json().code).toBe('TRANSFER_TARGET_INVALID');
  });

  it('enforces the role table: an employee cannot invite or list members', async () => {
    const owner = await signUpVerifiedOwner(t);
    const employee = await addMember(t, owner.client, ['employee']);
    const invite = await employee.client.post('/api/v1/invitations', {
      email: uniqueEmail(),
      roles: ['employee'],
    });
    expect(invite.statusCode).toBe(403);
    expect(invite.json().code).toBe('FORBIDDEN');
    expect((await employee.client.get('/api/v1/members')).statusCode).toBe(403);
    const failures = await withTenant(
      t.database.db,
      {},
      async (tx) =>
        (
          (await tx.execute(
            sql`SELECT count(*)::int AS n FROM auth_events WHERE event = 'authorization_failed' AND user_id = ${employee.userId}`,
          )) as unknown as { rows: { n: number }[] }
        ).rows[0]?.n,
    );
    expect(failures).toBe(2);
  });

  it('gives every member the names of the active members, and nothing more', async () => {
    const owner = await signUpVerifiedOwner(t);
    const custodian = await addMember(t, owner.client, ['custodian']);
    const leaving = await addMember(t, owner.client, ['employee']);
    const leavingId = (await membersOf(owner.client)).find((m) => m.user.id === leaving.userId)?.id;
    await owner.client.patch(`/api/v1/members/${leavingId}`, { active: false });
    const directory = await custodian.client.get('/api/v1/members/directory');
    expect(directory.statusCode).toBe(200);
    const entries = directory.json<{ data: Record<string, unknown>[] }>().data;
    expect(entries).toHaveLength(2);
    expect(entries.map((entry) => Object.keys(entry).sort())).toEqual([
      ['id', 'name'],
      ['id', 'name'],
    ]);
    expect(entries.map((entry) => entry.id)).not.toContain(leavingId);
  });

  it('changes roles, deactivates (the session stops working, history stays) and reactivates', async () => {
    const owner = await signUpVerifiedOwner(t);
    const person = await addMember(t, owner.client, ['employee']);
    const membership = (await membersOf(owner.client)).find((m) => m.user.id === person.userId);
    const url = `/api/v1/members/${membership?.id}`;

    expect((await owner.client.patch(url, { roles: ['custodian', 'employee'] })).json().roles).toEqual([
      'custodian',
      'employee',
    ]);
    expect((await owner.client.patch(url, { roles: ['owner'] })).json().code).toBe('OWNER_ROLE_BY_TRANSFER');
    expect((await owner.client.patch(url, { active: false })).json().active).toBe(false);
    expect((await person.client.get('/api/v1/me')).statusCode).toBe(401);
    expect(
      (await t.client().post('/api/v1/auth/login', { email: person.email, password: PASSWORD })).json().code,
    ).toBe('NO_ACTIVE_MEMBERSHIP');
    expect((await membersOf(owner.client)).find((m) => m.user.id === person.userId)?.active).toBe(false);

    expect((await owner.client.patch(url, { active: true })).json().active).toBe(true);
    await logIn(person.client, person.email);
    expect((await person.client.get('/api/v1/me')).statusCode).toBe(200);

    const ownerMembership = (await membersOf(owner.client)).find((m) => m.user.id === owner.userId);
    const self = await owner.client.patch(`/api/v1/members/${ownerMembership?.id}`, { active: false });
    expect(self.json().code).toBe('OWNER_CANNOT_BE_DEACTIVATED');

    const actions = await withTenant(t.database.db, { organizationId: owner.organizationId }, async (tx) =>
      (
        (await tx.execute(sql`SELECT action FROM audit_log ORDER BY id`)) as unknown as {
          rows: { action: string }[];
        }
      ).rows.map((r) => r.action),
    );
    expect(actions).toEqual([
      'invitation.created',
      'invitation.accepted',
      'member.roles_changed',
      'member.deactivated',
      'member.reactivated',
    ]);
  });

  it('hands ownership to an active member: exactly one owner, the former one becomes admin', async () => {
    const owner = await signUpVerifiedOwner(t);
    const admin = await addMember(t, owner.client, ['admin']);
    const deactivated = await addMember(t, owner.client, ['employee']);
    const deactivatedMembership = (await membersOf(owner.client)).find(
      (m) => m.user.id === deactivated.userId,
    );
    await owner.client.patch(`/api/v1/members/${deactivatedMembership?.id}`, { active: false });

    expect((await admin.client.post('/api/v1/organization/owner', { userId: admin.userId })).statusCode).toBe(
      403,
    );
    expect(
      (await owner.client.post('/api/v1/organization/owner', { userId: deactivated.userId })).statusCode,
    ).toBe(409);
    const transfer = await owner.client.post('/api/v1/organization/owner', { userId: admin.userId });
    expect(transfer.json()).toEqual({ ownerUserId: admin.userId });

    const members = await membersOf(admin.client);
    expect(members.filter((m) => m.roles.includes('owner')).map((m) => m.user.id)).toEqual([admin.userId]);
    expect(members.find((m) => m.user.id === owner.userId)?.roles).toEqual(['admin']);
    expect((await owner.client.post('/api/v1/organization/owner', { userId: owner.userId })).statusCode).toBe(
      403,
    );
  });

  it('refuses to invite someone who is already an active member', async () => {
    const owner = await signUpVerifiedOwner(t);
    const response = await owner.client.post('/api/v1/invitations', {
      email: owner.email,
      roles: ['employee'],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('ALREADY_MEMBER');
  });

  it('revokes a pending invitation so its link stops working', async () => {
    const owner = await signUpVerifiedOwner(t);
    const email = uniqueEmail('revocada');
    const invitation = (await owner.client.post('/api/v1/invitations', { email, roles: ['auditor'] })).json();
    expect((await owner.client.delete(`/api/v1/invitations/${invitation.id}`)).statusCode).toBe(204);
    const token = t.mailer.tokenFrom(email, '/invitacion');
    expect((await t.client().get(`/api/v1/invitations/lookup?token=${token}`)).json().code).toBe(
      'TOKEN_EXPIRED',
    );
  });
});
