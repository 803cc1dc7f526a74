import { Decimal } from 'decimal.js';

// How the printed CFDI writes amounts, rates and catalog keys. Amounts keep the decimals the XML
// has (a ValorUnitario may have six): the printed representation must say what was stamped.

/** A value as printed: an absent or empty attribute shows as a dash. */
export const shown = (value: string | undefined) => (value === undefined || value === '' ? '—' : value);

/** "3824.15" → "3,824.15", "450.333333" → "450.333333", "4" → "4.00"; text that is not a decimal stays as is. */
export function formatAmount(value: string | undefined): string {
  if (value === undefined) return '—';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, units = '', decimals = ''] = match;
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${decimals.padEnd(2, '0')}`;
}

/** A quantity as written, thousands grouped: "1500.5" → "1,500.5". */
export function formatQuantity(value: string | undefined): string {
  if (value === undefined) return '—';
  const [units = '', decimals] = value.trim().split('.');
  if (!/^\d+$/.test(units)) return value;
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return decimals === undefined ? grouped : `${grouped}.${decimals}`;
}

/** TasaOCuota as people read it: Tasa "0.160000" → "16%", "0.106667" → "10.6667%"; Cuota "1.500000" → "cuota 1.5". */
export function formatRate(tipoFactor: string | undefined, value: string | undefined): string {
  if (tipoFactor === 'Exento') return 'exento';
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return value ?? '';
  if (tipoFactor === 'Cuota') return `cuota ${new Decimal(value).toString()}`;
  return `${new Decimal(value).times(100).toString()}%`;
}

/** "G03 - Gastos en general." from a catalog; the key alone when the catalog does not know it. */
export function described(
  key: string | undefined,
  find: (key: string) => { name: string } | undefined,
): string {
  if (key === undefined || key === '') return '—';
  const entry = find(key);
  return entry ? `${key} - ${entry.name}` : key;
}

// c_Periodicidad and c_Meses are not among @cajachica/cfdi's catalogs: five and eighteen fixed entries.
const PERIODICIDADES: Readonly<Record<string, string>> = {
  '01': 'Diario',
  '02': 'Semanal',
  '03': 'Quincenal',
  '04': 'Mensual',
  '05': 'Bimestral',
};

const MONTHS = [
  'Enero',
  'Febrero',
  'Marzo',
  'Abril',
  'Mayo',
  'Junio',
  'Julio',
  'Agosto',
  'Septiembre',
  'Octubre',
  'Noviembre',
  'Diciembre',
];

export const findPeriodicidad = (key: string) => {
  const name = PERIODICIDADES[key];
  return name ? { name } : undefined;
};

/** c_Meses: 01–12 the months, 13–18 the bimestres (13 Enero-Febrero … 18 Noviembre-Diciembre). */
export const findMes = (key: string) => {
  const number = /^\d{2}$/.test(key) ? Number(key) : 0;
  if (number >= 1 && number <= 12) return { name: MONTHS[number - 1] as string };
  if (number >= 13 && number <= 18) {
    const first = (number - 13) * 2;
    return { name: `${MONTHS[first]}-${MONTHS[first + 1]}` };
  }
  return undefined;
};
