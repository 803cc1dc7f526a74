import { api } from '../../api/client';
import type { MfaSetup } from '../../api/types';

export const startMfaSetup = () => api.post<MfaSetup>('/auth/mfa/setup');

export const enableMfa = (code: string) => api.post<{ mfaEnabled: boolean }>('/auth/mfa/enable', { code });

export const disableMfa = (password: string) =>
  api.post<{ mfaEnabled: boolean }>('/auth/mfa/disable', { password });
