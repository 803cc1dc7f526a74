/**
 * The petty-cash categories a new organization starts with, each mapped to the SAT código
 * agrupador de cuentas (Anexo 24 de la RMF, catálogo "Código agrupador", rubro 601 Gastos
 * generales). Organizations edit them, add their own and set their chart's account numbers.
 */
export interface DefaultCategory {
  code: string;
  name: string;
  satAccountCode: string;
  cfdiUses: string[];
  isFuel?: boolean;
}

const GASTOS_EN_GENERAL = ['G03'];

export const DEFAULT_CATEGORIES: readonly DefaultCategory[] = [
  {
    code: 'PAPELERIA',
    name: 'Papelería y artículos de oficina',
    satAccountCode: '601.55',
    cfdiUses: GASTOS_EN_GENERAL,
  },
  {
    code: 'COMBUSTIBLE',
    name: 'Combustibles y lubricantes',
    satAccountCode: '601.48',
    cfdiUses: GASTOS_EN_GENERAL,
    isFuel: true,
  },
  {
    code: 'VIATICOS',
    name: 'Viáticos y gastos de viaje',
    satAccountCode: '601.49',
    cfdiUses: GASTOS_EN_GENERAL,
  },
  { code: 'TELEFONIA', name: 'Teléfono e internet', satAccountCode: '601.50', cfdiUses: GASTOS_EN_GENERAL },
  { code: 'LIMPIEZA', name: 'Limpieza', satAccountCode: '601.54', cfdiUses: GASTOS_EN_GENERAL },
  {
    code: 'MANTENIMIENTO',
    name: 'Mantenimiento y conservación',
    satAccountCode: '601.56',
    cfdiUses: GASTOS_EN_GENERAL,
  },
  {
    code: 'MENSAJERIA',
    name: 'Fletes, mensajería y paquetería',
    satAccountCode: '601.72',
    cfdiUses: GASTOS_EN_GENERAL,
  },
  {
    code: 'PUBLICIDAD',
    name: 'Propaganda y publicidad',
    satAccountCode: '601.61',
    cfdiUses: GASTOS_EN_GENERAL,
  },
  {
    code: 'DERECHOS',
    name: 'Otros impuestos y derechos',
    satAccountCode: '601.58',
    cfdiUses: GASTOS_EN_GENERAL,
  },
  {
    code: 'CAFETERIA',
    name: 'Cafetería y consumibles de oficina',
    satAccountCode: '601.84',
    cfdiUses: GASTOS_EN_GENERAL,
  },
  { code: 'OTROS', name: 'Otros gastos generales', satAccountCode: '601.84', cfdiUses: GASTOS_EN_GENERAL },
  {
    code: 'NO_DEDUCIBLE',
    name: 'Gastos no deducibles',
    satAccountCode: '601.83',
    cfdiUses: [...GASTOS_EN_GENERAL, 'S01'],
  },
];
