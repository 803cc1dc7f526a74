/**
 * The input cannot become a valid CFDI 4.0. `field` is the input path (e.g. `conceptos[1].valorUnitario`)
 * so a form can mark it; `message` is Spanish text that names the field and says what to fix.
 */
export class CfdiBuildError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CfdiBuildError';
  }
}

/** Throws the refusal for one field; typed `never` so callers can use it in expressions. */
export function refuse(field: string, message: string): never {
  throw new CfdiBuildError(field, message);
}
