import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CapturingMailer } from '../../../test/helpers/test-app.js';
import { openTestDatabase, testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { createSecretBox } from '../../platform/auth/secret-box.js';
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/tenancy.js';
import { organizationDirectory } from '../organizations/index.js';
import { createAccountsService } from './accounts.service.js';

describe.each(testDatabaseKinds())('sign-up atomicity on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.close());

  it('leaves no user behind when creating the organization fails half-way', async () => {
    const mailer = new CapturingMailer();
    const accounts = createAccountsService({
      db: database.db,
      config: { appUrl: 'http://localhost:3000', loginMaxFailures: 5, loginLockMinutes: 15 },
      mailer,
      secrets: createSecretBox('s'.repeat(40), 'totp-seeds'),
      log: { error() {} },
      organizations: {
        ...organizationDirectory,
        async createOrganizationWithOwner(tx, input) {
          await organizationDirectory.createOrganizationWithOwner(tx, input);
          throw new Error('the disk filled up right after the membership');
        },
      },
    });
    const origin = { ip: '127.0.0.1', userAgent: 'test', requestId: 'r1' };
    await expect(
      accounts.signup(
        {
          email: 'media@example.mx',
          password: 'una-contraseña',
          name: 'Media',
          organizationName: 'Media SA',
        },
        origin,
      ),
    ).rejects.toThrow(/disk filled up/);
    const counts = await withTenant(database.db, {}, async (tx) => {
      const result = (await tx.execute(
        sql`SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM auth_events)::int AS events`,
      )) as unknown as { rows: { users: number; events: number }[] };
      return result.rows[0];
    });
    expect(counts).toEqual({ users: 0, events: 0 });
    // As the database owner (RLS does not hide rows from a superuser): no organization either.
    const organizations = (await database.db.execute(
      sql`SELECT count(*)::int AS n FROM organizations`,
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(organizations.rows[0]?.n).toBe(0);
    expect(mailer.sent).toEqual([]);
  });
});
