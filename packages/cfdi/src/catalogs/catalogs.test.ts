import { describe, expect, it } from 'vitest';
import {
  CLAVES_UNIDAD,
  findClaveUnidad,
  findFormaPago,
  findImpuesto,
  findMoneda,
  isTasaOCuotaAllowed,
  MONEDAS,
} from './index.js';

describe('SAT catalogs shipped with the library', () => {
  it('keeps each currency with its decimals', () => {
    expect(findMoneda('MXN')).toMatchObject({ decimales: 2 });
    expect(findMoneda('JPY')?.decimales).toBe(0);
    expect(MONEDAS.length).toBeGreaterThan(150);
  });

  it('knows which taxes may be transferred or retained', () => {
    expect(findImpuesto('001')).toMatchObject({ name: 'ISR', traslado: false, retencion: true });
    expect(findImpuesto('002')).toMatchObject({ name: 'IVA', traslado: true, retencion: true });
  });

  it.each([
    ['002', 'Tasa', '0.160000', 'traslado', true],
    ['002', 'Tasa', '0.080000', 'traslado', true],
    ['002', 'Tasa', '0.150000', 'traslado', false],
    ['002', 'Tasa', '0.106667', 'retencion', true],
    ['002', 'Tasa', '0.170000', 'retencion', false],
    ['001', 'Tasa', '0.100000', 'retencion', true],
    ['001', 'Tasa', '0.100000', 'traslado', false],
    ['003', 'Tasa', '0.265000', 'traslado', true],
    ['999', 'Tasa', '0.160000', 'traslado', false],
  ] as const)('c_TasaOCuota: impuesto %s %s %s as %s → %s', (impuesto, factor, value, use, allowed) => {
    expect(isTasaOCuotaAllowed(impuesto, factor, value, use)).toBe(allowed);
  });

  it('has the unit and payment-form keys a petty-cash CFDI uses', () => {
    expect(findClaveUnidad('H87')?.name).toBe('Pieza');
    expect(findClaveUnidad('E48')).toBeDefined();
    expect(CLAVES_UNIDAD.length).toBeGreaterThan(2000);
    expect(findFormaPago('01')?.name).toBe('Efectivo');
    expect(findFormaPago('99')?.name).toBe('Por definir');
  });
});
