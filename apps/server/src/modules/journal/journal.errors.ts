import { AppError } from '../../platform/errors.js';

const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** "junio de 2026" for "2026-06". */
export function monthName(month: string): string {
  const [year, number] = month.split('-');
  return `${MONTHS[Number(number) - 1]} de ${year}`;
}

export const journalErrors = {
  /** The SAT's schema requires at least one póliza: an empty month is not a file to send. */
  emptyMonth: (month: string) =>
    new AppError(
      'JOURNAL_MONTH_WITHOUT_POLIZAS',
      422,
      `No hay reposiciones pagadas en ${monthName(month)}, y el SAT no acepta un XML de pólizas vacío. Elige un mes con pagos registrados.`,
    ),
  rfcMissing: () =>
    new AppError(
      'ORGANIZATION_RFC_MISSING',
      422,
      'El XML de pólizas del SAT lleva el RFC de la organización y aún no está capturado. Captura los datos fiscales en Configuración y vuelve a intentarlo.',
    ),
};
