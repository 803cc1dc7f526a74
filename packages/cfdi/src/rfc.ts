import { Rfc } from '@nodecfdi/rfc';

export type RfcCheck =
  | { ok: true; rfc: string; kind: 'moral' | 'fisica'; generic: boolean; checkDigitMatches: boolean }
  | { ok: false; message: string };

/**
 * RFC syntax (12 characters for personas morales, 13 for personas físicas, a real date inside).
 * A check-digit mismatch is reported, not refused: real RFCs exist whose digit does not match.
 */
export function checkRfc(value: string): RfcCheck {
  const cached = recent.get(value);
  if (cached) return cached;
  const result = computeRfcCheck(value);
  // The same few RFCs recur in every batch of invoices: remember the latest ones.
  if (recent.size >= 1000) recent.clear();
  recent.set(value, result);
  return result;
}

const recent = new Map<string, RfcCheck>();

function computeRfcCheck(value: string): RfcCheck {
  const rfc = value.trim().toUpperCase();
  let parsed: Rfc;
  try {
    parsed = Rfc.parse(rfc);
  } catch {
    return {
      ok: false,
      message:
        'El RFC no tiene un formato válido: 12 caracteres para personas morales (p. ej. EKU9003173C9) o 13 para personas físicas, con una fecha real (AAMMDD).',
    };
  }
  return {
    ok: true,
    rfc,
    kind: parsed.isMoral() ? 'moral' : 'fisica',
    generic: parsed.isGeneric() || parsed.isForeign(),
    checkDigitMatches: parsed.doesCheckSumMatch(),
  };
}
