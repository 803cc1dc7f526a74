/** The one error type services throw; the error handler turns it into problem+json. */
export class AppError extends Error {
  constructor(
    /** Stable machine code, e.g. MEMBER_NOT_FOUND. */
    readonly code: string,
    readonly status: number,
    /** Spanish text a person can act on. */
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'AppError';
  }
}

export interface FieldError {
  path: string;
  message: string;
}

export const notFound = (code: string, detail: string) => new AppError(code, 404, detail);
export const conflict = (code: string, detail: string) => new AppError(code, 409, detail);
export const forbidden = (code: string, detail: string) => new AppError(code, 403, detail);
export const badRequest = (code: string, detail: string, errors?: FieldError[]) =>
  new AppError(code, 400, detail, errors ? { errors } : {});
