import type { Role } from './permissions.js';

/** Who acts, in which organization, with which roles: travels into every use case. */
export interface Actor {
  kind: 'user';
  userId: string;
  email: string;
  name: string;
  organizationId: string;
  membershipId: string;
  roles: Role[];
  sessionId: string;
}

/** Where a request came from, for audit records. */
export interface RequestOrigin {
  ip: string;
  userAgent: string | undefined;
  requestId: string;
}
