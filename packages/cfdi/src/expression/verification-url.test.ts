import { describe, expect, it } from 'vitest';
import { buildVerificationUrl, formatExpressionTotal } from './verification-url.js';

describe('verification URL (QR of the printed representation)', () => {
  it.each([
    ['1160.00', '1160.0'],
    ['1160.5', '1160.5'],
    ['0.000001', '0.000001'],
    ['123.4567891', '123.456789'],
    ['0', '0.0'],
    ['12345678901234567.123456', '12345678901234567.123456'],
  ])('formats total %s as %s', (total, expected) => {
    expect(formatExpressionTotal(total)).toBe(expected);
  });

  it('builds SAT’s URL with escaped RFCs and the last 8 characters of the seal', () => {
    const url = buildVerificationUrl({
      uuid: 'CEE4BE01-ADFA-4DEB-8421-ADD60F0BEDAC',
      rfcEmisor: 'H&E951128469',
      rfcReceptor: 'XAXX010101000',
      total: '2010.01',
      sello: 'abcdefghijklmnopqrstuvwxyz==',
    });
    expect(url).toBe(
      'https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id=CEE4BE01-ADFA-4DEB-8421-ADD60F0BEDAC&re=H&amp;E951128469&rr=XAXX010101000&tt=2010.01&fe=uvwxyz==',
    );
  });
});
