import type { Finding } from '../findings.js';
import { XmlReadError } from '../xml/read-xml.js';

export type CfdiParseProblem =
  /** The root element is not a Comprobante. */
  | 'NOT_A_CFDI'
  /** A Comprobante in a namespace that is not the SAT's cfd/3 or cfd/4. */
  | 'UNKNOWN_NAMESPACE'
  /** CFD 2.x or CFDI 3.2 and older: no longer valid for new documents, not read. */
  | 'UNSUPPORTED_VERSION'
  /** A Version that does not exist, or that does not match the namespace (e.g. 4.0 in cfd/3). */
  | 'UNKNOWN_VERSION';

/** A well-formed XML that is not a CFDI this model reads. Always a schema finding. */
export class CfdiParseError extends Error {
  readonly category = 'schema' as const;

  constructor(
    readonly code: CfdiParseProblem,
    /** Spanish text a person can act on. */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'CfdiParseError';
  }
}

/**
 * Turns a refusal of `parseCfdi` (its own or the XML reader's) into the finding a validation reports,
 * so callers need one catch for both; anything else (a bug) gives null and should be rethrown.
 */
export function describeParseError(error: unknown): Finding | null {
  if (error instanceof CfdiParseError || error instanceof XmlReadError) {
    return { code: error.code, severity: 'error', category: error.category, message: error.detail };
  }
  return null;
}
