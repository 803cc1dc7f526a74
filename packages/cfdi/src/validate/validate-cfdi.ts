import { type Finding, hasErrors } from '../findings.js';
import { type Cfdi, describeParseError, type ParseCfdiOptions, parseCfdi } from '../model/index.js';
import { checkSchema } from '../schema/index.js';
import { checkCertificate, checkStamp, verifyIssuerSeal } from '../seal/index.js';
import { checkArithmetic } from './arithmetic-findings.js';
import { checkCatalogRules } from './catalog-findings.js';
import { checkRfcRules } from './rfc-findings.js';

export interface ValidationResult {
  /** The parsed document, or null when it could not be read as a CFDI at all. */
  cfdi: Cfdi | null;
  findings: Finding[];
  /** No finding of severity `error`. */
  valid: boolean;
}

/** A check over the parsed document; extra checks (e.g. schema) plug in through options. */
export type CfdiCheck = (cfdi: Cfdi) => Finding[];

export interface ValidateOptions extends ParseCfdiOptions {
  /** Extra checks run before the built-in ones. */
  checks?: CfdiCheck[];
}

const BUILT_IN_CHECKS: CfdiCheck[] = [
  (cfdi) => checkSchema(cfdi.root),
  (cfdi) => verifyIssuerSeal(cfdi.root),
  (cfdi) => checkStamp(cfdi.root),
  (cfdi) => checkCertificate(cfdi.root),
  checkArithmetic,
  checkCatalogRules,
  checkRfcRules,
];

/**
 * Reads and checks a CFDI: hostile or unreadable input becomes one security/schema finding;
 * otherwise every category's findings, in a stable order. Never throws for bad input.
 */
export function validateCfdi(input: Uint8Array | string, options: ValidateOptions = {}): ValidationResult {
  let cfdi: Cfdi;
  try {
    cfdi = parseCfdi(input, options);
  } catch (error) {
    const finding = describeParseError(error);
    if (!finding) throw error;
    return { cfdi: null, findings: [finding], valid: false };
  }
  const findings = [...(options.checks ?? []), ...BUILT_IN_CHECKS].flatMap((check) => check(cfdi));
  return { cfdi, findings, valid: !hasErrors(findings) };
}
