import { checkRfc, findRegimenFiscal, findUsoCfdi, regimenAppliesTo, usosCompatibles } from '@cajachica/cfdi';
import type { FieldError } from '../../platform/errors.js';

export interface FiscalDataInput {
  rfc: string;
  legalName: string;
  taxRegime: string;
  postalCode: string;
  cfdiUse: string;
  invoiceEmail: string;
}

// CFDI 4.0 wants the name exactly as on the Constancia, without the régimen societario.
const CORPORATE_SUFFIX =
  /[\s,]+(S\.?\s*A\.?\s*(P\.?\s*I\.?\s*)?(DE\s+C\.?\s*V\.?)?|S\.?\s*DE\s+R\.?\s*L\.?(\s*DE\s+C\.?\s*V\.?)?|S\.?\s*C\.?|A\.?\s*C\.?|S\.?\s*A\.?\s*S\.?)\s*$/i;

/** Checks fiscal data against RFC rules and SAT's catalogs: errors refuse it, warnings are shown. */
export function validateFiscalData(input: FiscalDataInput): {
  normalized: FiscalDataInput;
  errors: FieldError[];
  warnings: FieldError[];
} {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const normalized: FiscalDataInput = {
    rfc: input.rfc.trim().toUpperCase(),
    legalName: input.legalName.trim().replace(/\s+/g, ' ').toUpperCase(),
    taxRegime: input.taxRegime.trim(),
    postalCode: input.postalCode.trim(),
    cfdiUse: input.cfdiUse.trim().toUpperCase(),
    invoiceEmail: input.invoiceEmail.trim().toLowerCase(),
  };

  const rfc = checkRfc(normalized.rfc);
  if (!rfc.ok) {
    errors.push({ path: 'rfc', message: rfc.message });
  } else if (rfc.generic) {
    errors.push({
      path: 'rfc',
      message:
        'Ese es un RFC genérico. Escribe el RFC de tu Constancia de Situación Fiscal; sin él, tus pagos se incluyen en la factura global a público en general.',
    });
  } else if (!rfc.checkDigitMatches) {
    warnings.push({
      path: 'rfc',
      message:
        'El dígito verificador del RFC no coincide. Compáralo con tu Constancia de Situación Fiscal; si es igual, puedes continuar.',
    });
  }

  if (CORPORATE_SUFFIX.test(normalized.legalName)) {
    warnings.push({
      path: 'legalName',
      message:
        'La razón social parece incluir el régimen societario (p. ej. "S.A. de C.V."). En CFDI 4.0 se escribe como en la Constancia, sin él.',
    });
  }

  const regimen = findRegimenFiscal(normalized.taxRegime);
  if (!regimen) {
    errors.push({
      path: 'taxRegime',
      message: 'Elige un régimen fiscal del catálogo del SAT (c_RegimenFiscal).',
    });
  } else if (rfc.ok && !regimenAppliesTo(regimen, rfc.kind)) {
    errors.push({
      path: 'taxRegime',
      message: `El régimen ${regimen.key} no aplica a personas ${rfc.kind === 'moral' ? 'morales' : 'físicas'}, y tu RFC es de persona ${rfc.kind === 'moral' ? 'moral' : 'física'}.`,
    });
  }

  // c_CodigoPostal is not shipped (SAT's file is too large): the format is checked here.
  if (!/^\d{5}$/.test(normalized.postalCode)) {
    errors.push({ path: 'postalCode', message: 'El código postal del domicilio fiscal tiene 5 dígitos.' });
  }

  const uso = findUsoCfdi(normalized.cfdiUse);
  if (!uso) {
    errors.push({ path: 'cfdiUse', message: 'Elige un uso del CFDI del catálogo del SAT (c_UsoCFDI).' });
  } else if (regimen && rfc.ok) {
    const allowed = usosCompatibles(regimen.key, rfc.kind).map((candidate) => candidate.key);
    if (!allowed.includes(uso.key)) {
      errors.push({
        path: 'cfdiUse',
        message: `El uso ${uso.key} no es compatible con el régimen ${regimen.key}. Usos permitidos: ${allowed.join(', ') || 'ninguno'}.`,
      });
    }
  }
  return { normalized, errors, warnings };
}
