import { describe, expect, it } from 'vitest';
import { findUsoCfdi, usosCompatibles } from './catalogs/index.js';
import { checkRfc } from './rfc.js';

describe('checkRfc', () => {
  it.each([
    ['EKU9003173C9', 'moral', true],
    ['eku9003173c9', 'moral', true],
    ['COSC8001137NA', 'fisica', true],
    ['AAA010101AAA', 'moral', false],
  ] as const)('accepts %s as persona %s (check digit matches: %s)', (value, kind, matches) => {
    expect(checkRfc(value)).toMatchObject({ ok: true, kind, checkDigitMatches: matches });
  });

  it('flags the generic RFCs', () => {
    expect(checkRfc('XAXX010101000')).toMatchObject({ ok: true, generic: true });
    expect(checkRfc('XEXX010101000')).toMatchObject({ ok: true, generic: true });
  });

  it.each(['ABC123', 'EKU9013173C9', 'EKU900317-3C9', ''])(
    'refuses %j with a Spanish explanation',
    (value) => {
      const result = checkRfc(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/formato válido/);
    },
  );
});

describe('SAT catalogs', () => {
  it('knows which usos CFDI a régimen allows', () => {
    expect(findUsoCfdi('G03')?.name).toBe('Gastos en general.');
    const moral601 = usosCompatibles('601', 'moral').map((uso) => uso.key);
    expect(moral601).toContain('G03');
    expect(moral601).not.toContain('D01');
    expect(usosCompatibles('605', 'fisica').map((uso) => uso.key)).toContain('D01');
  });
});
