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

/** The organization's fiscal data as on its Constancia de Situación Fiscal (receptor of its CFDI). */
export interface FiscalDataInput {
  rfc: string;
  legalName: string;
  taxRegime: string;
  postalCode: string;
  cfdiUse: string;
  invoiceEmail: string;
}

export interface FiscalData extends FiscalDataInput {
  updatedAt: string;
}

/** PUT answers the saved data and what it accepted but the person should double-check. */
export interface SavedFiscalData extends FiscalData {
  warnings: { path: string; message: string }[];
}

/** SAT's c_RegimenFiscal entry. */
export interface RegimenFiscal {
  key: string;
  name: string;
  personaFisica: boolean;
  personaMoral: boolean;
}

/** SAT's c_UsoCFDI entry, with the receptor's regímenes it may be used with. */
export interface UsoCfdi extends RegimenFiscal {
  regimenesReceptor: string[];
}

export interface FiscalCatalog {
  regimenesFiscales: RegimenFiscal[];
  usosCfdi: UsoCfdi[];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
