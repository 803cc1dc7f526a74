import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { recordAuthEvent } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import type { SecretBox } from '../../platform/auth/secret-box.js';
import type { Db } from '../../platform/db/database.js';
import { withTenant } from '../../platform/tenancy.js';
import { accountErrors } from './accounts.errors.js';
import { users } from './accounts.schema.js';
import { findUserById } from './users.js';

const ISSUER = 'CajaChica';

function totpFor(secretBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** Accepts the current code and one step either side, for clocks a little apart. */
export function verifyTotp(secretBase32: string, code: string): boolean {
  return totpFor(secretBase32).validate({ token: code.replace(/\s/g, ''), window: 1 }) !== null;
}

/** Optional TOTP second factor: setup (secret + QR), enable with a first code, disable with the password. */
export function createMfaService(deps: { db: Db; secrets: SecretBox; now?: () => Date }) {
  const { db, secrets } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async setup(actor: Actor) {
      const secret = new Secret({ size: 20 }).base32;
      await withTenant(db, {}, async (tx) => {
        const user = await findUserById(tx, actor.userId);
        if (user?.totpEnabledAt) throw accountErrors.mfaAlreadyEnabled();
        await tx
          .update(users)
          .set({ totpSecret: secrets.seal(secret), updatedAt: now() })
          .where(eq(users.id, actor.userId));
      });
      const otpauthUrl = totpFor(secret, actor.email).toString();
      return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
    },

    async enable(actor: Actor, code: string, origin: RequestOrigin) {
      await withTenant(db, {}, async (tx) => {
        const user = await findUserById(tx, actor.userId);
        if (user?.totpEnabledAt) throw accountErrors.mfaAlreadyEnabled();
        if (!user?.totpSecret) throw accountErrors.mfaNotStarted();
        if (!verifyTotp(secrets.open(user.totpSecret), code)) throw accountErrors.mfaInvalid();
        await tx
          .update(users)
          .set({ totpEnabledAt: now(), updatedAt: now() })
          .where(eq(users.id, actor.userId));
        await recordAuthEvent(tx, origin, { event: 'mfa_enabled', userId: actor.userId });
      });
      return { mfaEnabled: true };
    },

    async disable(actor: Actor, password: string, origin: RequestOrigin) {
      const user = await withTenant(db, {}, (tx) => findUserById(tx, actor.userId));
      if (!user || !(await verifyPassword(user.passwordHash, password))) throw accountErrors.wrongPassword();
      await withTenant(db, {}, async (tx) => {
        await tx
          .update(users)
          .set({ totpSecret: null, totpEnabledAt: null, updatedAt: now() })
          .where(eq(users.id, actor.userId));
        await recordAuthEvent(tx, origin, { event: 'mfa_disabled', userId: actor.userId });
      });
      return { mfaEnabled: false };
    },
  };
}

export type MfaService = ReturnType<typeof createMfaService>;
