import { AppError } from '../errors.js';

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

const MANAGERS: readonly Role[] = ['owner', 'admin'];
const READERS: readonly Role[] = ['owner', 'admin', 'accountant', 'auditor'];

/**
 * PRODUCT.md §1, the role → action table, in the one place that decides.
 * Fund custody is not here: it comes from being a fund's named custodian, checked by the funds module.
 */
const PERMISSIONS = {
  'subscription.manage': ['owner'],
  'organization.fiscal-data.manage': ['owner'],
  'organization.ownership.transfer': ['owner'],
  'members.manage': MANAGERS,
  'api-keys.manage': MANAGERS,
  'webhooks.manage': MANAGERS,
  'funds.manage': MANAGERS,
  'policies.manage': MANAGERS,
  'categories.manage': MANAGERS,
  'expenses.record-own': ['owner', 'admin', 'approver', 'custodian', 'employee', 'accountant'],
  'expenses.approve': ['owner', 'admin', 'approver'],
  'payments.record': ['owner', 'admin', 'accountant'],
  'members.read': READERS,
  'reports.read': READERS,
  'exports.read': READERS,
  'audit.read': ['owner', 'admin', 'auditor'],
  /** The CFDIs the platform issued to the organization: whoever keeps its books. */
  'invoices.read': READERS,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(roles: readonly string[], action: Action): boolean {
  const allowed: readonly string[] = PERMISSIONS[action];
  return roles.some((role) => allowed.includes(role));
}

/** The roles allowed to take an action (to find who can decide something). */
export function rolesAllowedTo(action: Action): readonly Role[] {
  return PERMISSIONS[action];
}

export class PermissionDenied extends AppError {
  constructor(readonly action: Action) {
    super(
      'FORBIDDEN',
      403,
      'Tu rol no te permite realizar esta acción. Pide ayuda a un administrador de tu organización.',
    );
  }
}

export const ROLE_LABELS_ES: Record<Role, string> = {
  owner: 'Administrador de la cuenta',
  admin: 'Administrador',
  approver: 'Aprobador',
  custodian: 'Responsable de caja',
  employee: 'Solicitante',
  accountant: 'Contador',
  auditor: 'Auditor',
};
