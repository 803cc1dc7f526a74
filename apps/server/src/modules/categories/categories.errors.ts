import { AppError } from '../../platform/errors.js';

export const categoryErrors = {
  categoryNotFound: () =>
    new AppError('CATEGORY_NOT_FOUND', 404, 'No encontramos esa categoría en tu organización.'),
  costCenterNotFound: () =>
    new AppError('COST_CENTER_NOT_FOUND', 404, 'No encontramos ese centro de costos en tu organización.'),
  codeTaken: (what: 'categoría' | 'centro de costos', code: string) =>
    new AppError('CODE_TAKEN', 409, `Ya existe un(a) ${what} con la clave ${code}. Usa otra clave.`, {
      errors: [{ path: 'code', message: `La clave ${code} ya está en uso.` }],
    }),
  inactive: (what: 'categoría' | 'centro de costos') =>
    new AppError('CATALOG_ENTRY_INACTIVE', 409, `Esa ${what} está desactivada: elige otra o reactívala.`),
};
