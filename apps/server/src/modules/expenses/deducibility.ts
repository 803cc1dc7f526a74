import { money, formatPesos as pesos } from '../../platform/money.js';
import type { StoredFinding } from './expenses.schema.js';

/** What the deducibility and policy rules look at; built from an expense and its context, no I/O. */
export interface DeducibilityInput {
  paymentMethod: 'fund_cash' | 'employee' | 'company_card' | 'transfer';
  totalMxn: string;
  hasCfdi: boolean;
  /** The year the expense is booked in (its date's year). */
  fiscalYear: number;
  category: { name: string; isFuel: boolean; cfdiUses: readonly string[] } | null;
  cfdi: {
    /** FormaPago of the CFDI; 01 = efectivo. */
    paymentForm: string | null;
    use: string | null;
    receiverRfc: string | null;
    /** Fecha of the CFDI as written (local time, YYYY-MM-DDThh:mm:ss). */
    issuedAt: string | null;
  } | null;
  organizationRfc: string | null;
  satStatus: 'not_checked' | 'unverified' | 'vigente' | 'cancelado' | 'no_encontrado';
  supplier69b: 'presunto' | 'definitivo' | null;
  policy: { maxPerExpense: string | null; cfdiRequiredAbove: string | null };
}

interface Rule {
  code: string;
  severity: 'error' | 'warning';
  applies(input: DeducibilityInput): boolean;
  message(input: DeducibilityInput): string;
}

/** Cash deductibility limit of LISR art. 27 fr. III (payments over it must be electronic). */
export const CASH_LIMIT_MXN = '2000.00';

const paidInCash = (input: DeducibilityInput) =>
  input.paymentMethod === 'fund_cash' || input.cfdi?.paymentForm === '01';

/** The rules, as a table: each flags (does not block) and says in Spanish what to do. */
const RULES: readonly Rule[] = [
  {
    code: 'CASH_OVER_LIMIT',
    severity: 'warning',
    applies: (input) => paidInCash(input) && money(input.totalMxn).greaterThan(CASH_LIMIT_MXN),
    message: (input) =>
      `Pago en efectivo de ${pesos(input.totalMxn)}: los pagos mayores a $2,000.00 deben hacerse por transferencia, tarjeta o cheque nominativo para ser deducibles (LISR art. 27, fr. III).`,
  },
  {
    code: 'FUEL_PAID_IN_CASH',
    severity: 'error',
    applies: (input) => !!input.category?.isFuel && paidInCash(input),
    message: () =>
      'Combustible pagado en efectivo: no es deducible sin importar el monto. Págalo con tarjeta, monedero electrónico o transferencia.',
  },
  {
    code: 'MISSING_CFDI',
    severity: 'warning',
    applies: (input) => !input.hasCfdi,
    message: () => 'Falta el CFDI: pide la factura al comercio antes del cierre del mes y adjunta el XML.',
  },
  {
    code: 'ORGANIZATION_RFC_MISSING',
    severity: 'warning',
    applies: (input) => input.hasCfdi && !input.organizationRfc,
    message: () =>
      'Tu organización no tiene RFC capturado: no podemos confirmar que la factura esté a su nombre. Captúralo en Datos fiscales.',
  },
  {
    code: 'RECEIVER_RFC_MISMATCH',
    severity: 'error',
    applies: (input) =>
      !!input.cfdi &&
      !!input.organizationRfc &&
      input.cfdi.receiverRfc?.toUpperCase() !== input.organizationRfc,
    message: (input) =>
      `La factura está a nombre de ${input.cfdi?.receiverRfc ?? 'otro RFC'}, no del RFC de tu organización (${input.organizationRfc}): no es deducible. Pide al proveedor que la cancele y la emita a tu RFC.`,
  },
  {
    code: 'CFDI_USE_INCONSISTENT',
    severity: 'warning',
    applies: (input) =>
      !!input.cfdi?.use && !!input.category && !input.category.cfdiUses.includes(input.cfdi.use),
    message: (input) =>
      `El uso del CFDI (${input.cfdi?.use}) no corresponde a la categoría "${input.category?.name}" (se espera ${input.category?.cfdiUses.join(' o ')}).`,
  },
  {
    code: 'CFDI_OTHER_FISCAL_YEAR',
    severity: 'warning',
    applies: (input) =>
      !!input.cfdi?.issuedAt && input.cfdi.issuedAt.slice(0, 4) !== String(input.fiscalYear),
    message: (input) =>
      `La factura es del ejercicio ${input.cfdi?.issuedAt?.slice(0, 4)} y el gasto se registra en ${input.fiscalYear}: revisa su deducibilidad con tu contador.`,
  },
  {
    code: 'SAT_CANCELLED',
    severity: 'error',
    applies: (input) => input.satStatus === 'cancelado',
    message: () =>
      'El SAT reporta esta factura como cancelada: no es deducible. Pide al proveedor una nueva.',
  },
  {
    code: 'SAT_NOT_FOUND',
    severity: 'warning',
    applies: (input) => input.satStatus === 'no_encontrado',
    message: () =>
      'El SAT no encuentra esta factura. Si es reciente, vuelve a verificar en unas horas; si no, pide al proveedor que la revise.',
  },
  {
    code: 'SUPPLIER_69B_DEFINITIVO',
    severity: 'error',
    applies: (input) => input.supplier69b === 'definitivo',
    message: () =>
      'El proveedor está en la lista 69-B del SAT como "Definitivo" (operaciones inexistentes): sus facturas no son deducibles.',
  },
  {
    code: 'SUPPLIER_69B_PRESUNTO',
    severity: 'warning',
    applies: (input) => input.supplier69b === 'presunto',
    message: () =>
      'El proveedor está en la lista 69-B del SAT como "Presunto": evita nuevas operaciones y consérvese evidencia de la operación.',
  },
  {
    code: 'POLICY_MAX_PER_EXPENSE',
    severity: 'warning',
    applies: (input) =>
      !!input.policy.maxPerExpense && money(input.totalMxn).greaterThan(input.policy.maxPerExpense),
    message: (input) =>
      `El gasto supera el máximo por gasto de la política de tu organización (${pesos(input.policy.maxPerExpense ?? '0')}).`,
  },
  {
    code: 'POLICY_CFDI_REQUIRED',
    severity: 'warning',
    applies: (input) =>
      !input.hasCfdi &&
      !!input.policy.cfdiRequiredAbove &&
      money(input.totalMxn).greaterThan(input.policy.cfdiRequiredAbove),
    message: (input) =>
      `La política de tu organización exige CFDI en gastos mayores a ${pesos(input.policy.cfdiRequiredAbove ?? '0')}.`,
  },
];

/** Every deducibility and policy finding of an expense, in the table's order. */
export function deducibilityFindings(input: DeducibilityInput): StoredFinding[] {
  return RULES.filter((rule) => rule.applies(input)).map((rule) => ({
    code: rule.code,
    severity: rule.severity,
    category: 'deducibility',
    message: rule.message(input),
  }));
}

/** 0 no findings, 1 only warnings, 2 any error: stored for filtering lists. */
export function findingLevel(findings: readonly StoredFinding[]): number {
  if (findings.some((f) => f.severity === 'error')) return 2;
  return findings.length > 0 ? 1 : 0;
}
