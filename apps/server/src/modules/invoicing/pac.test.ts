import { describe, expect, it } from 'vitest';
import { receptorErrorField } from './pac.js';

describe('receptorErrorField', () => {
  it.each([
    ['CFDI40145', 'El campo Nombre del receptor, debe pertenecer al nombre asociado al RFC.', 'legalName'],
    [
      'CFDI40147',
      'El campo DomicilioFiscalReceptor del receptor, debe encontrarse en la lista…',
      'postalCode',
    ],
    ['CFDI40158', 'La clave del campo RegimenFiscalR debe corresponder con el tipo de persona.', 'taxRegime'],
    ['CFDI40161', 'La clave del campo UsoCFDI debe corresponder con el tipo de persona.', 'cfdiUse'],
    ['CFDI40162', 'La clave del campo UsoCFDI debe corresponder con el régimen del receptor.', 'cfdiUse'],
  ] as const)('maps SAT code %s to the field the customer fixes', (code, message, field) => {
    expect(receptorErrorField(code, message)).toBe(field);
  });

  it('traces an unmapped receptor code by the attribute its message names', () => {
    expect(
      receptorErrorField('CFDI40150', 'El campo DomicilioFiscalReceptor del receptor no es válido.'),
    ).toBe('postalCode');
    expect(receptorErrorField('CFDI40999', 'El campo Rfc del receptor no se encuentra inscrito.')).toBe(
      'rfc',
    );
  });

  it('leaves errors that are not the receptor’s to the operator', () => {
    expect(
      receptorErrorField('CFDI40102', 'El resultado de la digestión debe ser igual al sello.'),
    ).toBeUndefined();
    expect(receptorErrorField('302', 'Sello mal formado; RegimenFiscalReceptor')).toBeUndefined();
    expect(receptorErrorField(undefined, 'El campo UsoCFDI no es válido')).toBeUndefined();
  });
});
