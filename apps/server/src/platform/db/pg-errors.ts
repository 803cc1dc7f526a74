/** PostgreSQL error code of a driver error (pg puts it on the error, drizzle may wrap it in cause). */
export function pgErrorCode(error: unknown): string | undefined {
  const direct = (error as { code?: unknown }).code;
  if (typeof direct === 'string') return direct;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

export const isUniqueViolation = (error: unknown) => pgErrorCode(error) === '23505';

/** The constraint a driver error names (23514 check / 23505 unique violations carry it). */
export function pgConstraint(error: unknown): string | undefined {
  for (const candidate of [error, (error as { cause?: unknown }).cause]) {
    const name = (candidate as { constraint?: unknown } | undefined)?.constraint;
    if (typeof name === 'string') return name;
  }
  return undefined;
}
