import { api } from '../../api/client';
import type { InvitationLookup, Me, Organization, UserSummary } from '../../api/types';

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
  organizationName: string;
}

export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
}

export interface AcceptInvitationInput {
  token: string;
  name?: string;
  password?: string;
}

export const signUp = (input: SignUpInput) =>
  api.post<{ user: UserSummary; organization: Organization }>('/auth/signup', input);

export const resendVerification = (email: string) => api.post<void>('/auth/resend-verification', { email });

export const verifyEmail = (token: string) =>
  api.post<{ verified: boolean }>('/auth/verify-email', { token });

export const login = (input: LoginInput) => api.post<Me>('/auth/login', input);

export const requestPasswordReset = (email: string) => api.post<void>('/auth/password-reset', { email });

export const confirmPasswordReset = (token: string, password: string) =>
  api.post<void>('/auth/password-reset/confirm', { token, password });

export const lookupInvitation = (token: string) =>
  api.get<InvitationLookup>(`/invitations/lookup?${new URLSearchParams({ token })}`);

export const acceptInvitation = (input: AcceptInvitationInput) => api.post<Me>('/invitations/accept', input);
