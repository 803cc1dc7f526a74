import { REGIMENES_FISCALES } from './regimenes-fiscales.js';
import type { RegimenFiscal, UsoCfdi } from './types.js';
import { USOS_CFDI } from './usos-cfdi.js';

export type { RegimenFiscal, UsoCfdi } from './types.js';
export { REGIMENES_FISCALES, USOS_CFDI };

const regimenByKey = new Map(REGIMENES_FISCALES.map((regimen) => [regimen.key, regimen]));
const usoByKey = new Map(USOS_CFDI.map((uso) => [uso.key, uso]));

export function findRegimenFiscal(key: string): RegimenFiscal | undefined {
  return regimenByKey.get(key);
}

export function findUsoCfdi(key: string): UsoCfdi | undefined {
  return usoByKey.get(key);
}

/** Whether a regime applies to this kind of taxpayer (c_RegimenFiscal's Física/Moral columns). */
export function regimenAppliesTo(regimen: RegimenFiscal, kind: 'moral' | 'fisica'): boolean {
  return kind === 'moral' ? regimen.personaMoral : regimen.personaFisica;
}

/** The usos CFDI a receptor with this regime and kind may use (c_UsoCFDI's compatibility column). */
export function usosCompatibles(regimenKey: string, kind: 'moral' | 'fisica'): UsoCfdi[] {
  return USOS_CFDI.filter(
    (uso) =>
      uso.regimenesReceptor.includes(regimenKey) && (kind === 'moral' ? uso.personaMoral : uso.personaFisica),
  );
}
