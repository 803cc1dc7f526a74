/**
 * The accounts a replenishment's póliza de egresos uses besides each category's own expense
 * account, as codes of SAT's código agrupador de cuentas (Anexo 24 de la RMF, catalog c_CodAgrup in
 * CatalogosParaEsqContE.xsd — every code below is one of its enumerated values). An organization
 * whose chart uses other numbers changes this table (or the categories' accountCode); see
 * docs/journal-exports.md for why each one was chosen.
 */
export interface JournalAccount {
  code: string;
  name: string;
}

export interface JournalAccounts {
  /** The transfer that replenishes the fund leaves the bank. */
  bank: JournalAccount;
  /** IVA on a purchase paid at once in cash: acreditable and already paid. */
  ivaPaid: JournalAccount;
  /** ISR the organization withheld from the supplier (honorarios, arrendamiento, fletes…). */
  isrWithheld: JournalAccount;
  ivaWithheld: JournalAccount;
  /** Local (state) taxes withheld, reported by the CFDI's implocal complement. */
  localTaxesWithheld: JournalAccount;
  /** A counted shortage the organization absorbs when it replenishes it. */
  cashShortage: JournalAccount;
  /** A counted overage: it reduces the replenishment and is income. */
  cashOverage: JournalAccount;
  /** An expense without a category (should be rare: categories are required to approve). */
  uncategorizedExpense: JournalAccount;
}

export const DEFAULT_JOURNAL_ACCOUNTS: JournalAccounts = {
  bank: { code: '102.01', name: 'Bancos nacionales' },
  ivaPaid: { code: '118.01', name: 'IVA acreditable pagado' },
  isrWithheld: { code: '216.04', name: 'Impuestos retenidos de ISR por servicios profesionales' },
  ivaWithheld: { code: '216.10', name: 'Impuestos retenidos de IVA' },
  localTaxesWithheld: { code: '216.12', name: 'Otros impuestos retenidos' },
  cashShortage: { code: '703.21', name: 'Faltantes de caja (otros gastos)' },
  cashOverage: { code: '403.01', name: 'Otros ingresos (sobrantes de caja)' },
  uncategorizedExpense: { code: '601.84', name: 'Otros gastos generales' },
};

/** A category's expense account: the organization's own number when it set one, else the SAT code. */
export function categoryAccount(
  category: { name: string; satAccountCode: string; accountCode: string | null } | null,
  accounts: JournalAccounts,
): JournalAccount {
  if (!category) return accounts.uncategorizedExpense;
  return { code: category.accountCode ?? category.satAccountCode, name: category.name };
}
