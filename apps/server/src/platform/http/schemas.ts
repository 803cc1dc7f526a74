import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/passwords.js';
import { ROLES } from '../auth/permissions.js';

// Shared request/response pieces, with Spanish messages a person can act on.

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'El correo es demasiado largo.')
  .pipe(z.email('Escribe un correo electrónico válido, por ejemplo nombre@empresa.mx.'));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `La contraseña debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.`)
  .max(PASSWORD_MAX_LENGTH, `La contraseña no puede tener más de ${PASSWORD_MAX_LENGTH} caracteres.`);

export const nameSchema = (what: string) =>
  z.string().trim().min(1, `Escribe ${what}.`).max(200, `${what} no puede tener más de 200 caracteres.`);

export const tokenSchema = z.string().min(10, 'El enlace no es válido.').max(200, 'El enlace no es válido.');

export const roleSchema = z.enum(ROLES, 'Rol desconocido.');

export const idParamSchema = z.object({ id: z.uuid('El identificador no es válido.') });

export const paginationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const userRefSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
export const organizationRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const meSchema = z.object({
  user: userRefSchema.extend({ mfaEnabled: z.boolean() }),
  organization: organizationRefSchema,
  membershipId: z.uuid(),
  roles: z.array(roleSchema),
  memberships: z.array(z.object({ organization: organizationRefSchema, roles: z.array(roleSchema) })),
});

export const emptySchema = z.object({});
