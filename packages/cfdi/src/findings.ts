/** What kind of rule a finding comes from (issue 3's categories). */
export type FindingCategory =
  | 'security'
  | 'schema'
  | 'seal'
  | 'stamp'
  | 'certificate'
  | 'arithmetic'
  | 'catalog'
  | 'rfc';

/** One thing found about a document: an error makes it invalid, a warning is shown. */
export interface Finding {
  /** Stable machine code, e.g. SEAL_MISMATCH, SCHEMA_REQUIRED_ATTRIBUTE. */
  code: string;
  severity: 'error' | 'warning';
  category: FindingCategory;
  /** Spanish text a person can act on. */
  message: string;
  /** Where in the document, e.g. `/Comprobante/Conceptos/Concepto[2]/@Importe`, when it applies. */
  path?: string;
}

export const hasErrors = (findings: readonly Finding[]) =>
  findings.some((finding) => finding.severity === 'error');
