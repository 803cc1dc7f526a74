import type { ExpenseStatus, Finding, SatStatus } from '../../api/types';

/** Short badge labels: exact codes first, then by family (prefix), then by severity. */
const EXACT = {
  RECEIVER_RFC_MISMATCH: 'receiverRfc',
  ORGANIZATION_RFC_MISSING: 'organizationRfc',
  CASH_OVER_LIMIT: 'cashOverLimit',
  FUEL_PAID_IN_CASH: 'fuelInCash',
  MISSING_CFDI: 'missingCfdi',
  CFDI_USE_INCONSISTENT: 'cfdiUse',
  CFDI_OTHER_FISCAL_YEAR: 'otherYear',
  CFDI_DUPLICATE: 'duplicate',
  CFDI_NOT_STAMPED: 'stamp',
  SAT_CANCELLED: 'satCancelled',
  SAT_NOT_FOUND: 'satNotFound',
} as const;

const FAMILIES = [
  ['SCHEMA_', 'schema'],
  ['ARITHMETIC_', 'arithmetic'],
  ['SEAL_', 'seal'],
  ['CERTIFICATE_', 'seal'],
  ['CSD_', 'seal'],
  ['STAMP_', 'stamp'],
  ['CATALOG_', 'catalog'],
  ['RFC_', 'rfc'],
  ['POLICY_', 'policy'],
  ['VIATICOS_', 'viaticos'],
  ['SAT_', 'sat'],
] as const;

export type FindingLabel =
  | (typeof EXACT)[keyof typeof EXACT]
  | (typeof FAMILIES)[number][1]
  | 'otherError'
  | 'otherWarning';

export function findingLabel(finding: Finding): FindingLabel {
  const exact = EXACT[finding.code as keyof typeof EXACT];
  if (exact) return exact;
  const family = FAMILIES.find(([prefix]) => finding.code.startsWith(prefix));
  if (family) return family[1];
  return finding.severity === 'error' ? 'otherError' : 'otherWarning';
}

/** Errors first: they are what blocks deducibility. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export const STATUS_COLORS: Record<ExpenseStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'teal',
  rejected: 'red',
  replenished: 'violet',
  discarded: 'dark',
};

/**
 * SAT's answer. A check still queued reads "verificando en SAT…"; one that could not be made reads
 * "no verificado" — never "vigente" unless SAT said so.
 */
export function satLabel(
  status: SatStatus,
): 'vigente' | 'cancelado' | 'noEncontrado' | 'noVerificado' | 'verificando' {
  if (status === 'not_checked') return 'verificando';
  if (status === 'vigente') return 'vigente';
  if (status === 'cancelado') return 'cancelado';
  if (status === 'no_encontrado') return 'noEncontrado';
  return 'noVerificado';
}

export const SAT_COLORS = {
  vigente: 'green',
  cancelado: 'red',
  noEncontrado: 'orange',
  noVerificado: 'gray',
  verificando: 'blue',
};

/** Identical findings (same code and message, e.g. one per CFDI concept) shown once, with their count. */
export function uniqueFindings(
  findings: readonly Finding[],
): { finding: Finding; count: number; key: string }[] {
  const seen = new Map<string, { finding: Finding; count: number; key: string }>();
  for (const finding of sortFindings(findings)) {
    const key = `${finding.severity}:${finding.code}:${finding.message}`;
    const entry = seen.get(key);
    if (entry) entry.count += 1;
    else seen.set(key, { finding, count: 1, key });
  }
  return [...seen.values()];
}
