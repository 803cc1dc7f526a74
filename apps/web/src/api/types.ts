export const ROLES = [
  'owner',
  'admin',
  'approver',
  'custodian',
  'employee',
  'accountant',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may be granted by invitation or role editing: ownership only moves by transfer. */
export const ASSIGNABLE_ROLES = ROLES.filter((role) => role !== 'owner');

export interface Organization {
  id: string;
  name: string;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
}

export interface Membership {
  organization: Organization;
  roles: Role[];
}

/** GET /me: the signed-in user and the organization the session acts in. */
export interface Me {
  user: UserSummary & { mfaEnabled: boolean };
  organization: Organization;
  roles: Role[];
  memberships: Membership[];
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Member {
  id: string;
  user: UserSummary;
  roles: Role[];
  active: boolean;
  createdAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  roles: Role[];
  expiresAt: string;
  createdAt: string;
  invitedBy: { id: string; name: string } | null;
}

export interface InvitationLookup {
  organization: Organization;
  email: string;
  roles: Role[];
  existingUser: boolean;
}

export interface MfaSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
