import { api, query } from '../../api/client';
import type { Invitation, Member, Page, Role } from '../../api/types';

export const listMembers = (cursor?: string) =>
  api.get<Page<Member>>(`/members${query({ limit: 50, cursor })}`);

export const updateMember = (id: string, changes: { roles?: Role[]; active?: boolean }) =>
  api.patch<Member>(`/members/${encodeURIComponent(id)}`, changes);

export const listInvitations = () => api.get<Page<Invitation>>('/invitations');

export const createInvitation = (input: { email: string; roles: Role[] }) =>
  api.post<Invitation>('/invitations', input);

export const revokeInvitation = (id: string) => api.delete(`/invitations/${encodeURIComponent(id)}`);

export const transferOwnership = (userId: string) =>
  api.post<{ ownerUserId: string }>('/organization/owner', { userId });

/** Query keys carry the organization: switching organization never shows another one's cached list. */
export const membersKeys = {
  members: (organizationId: string) => ['members', organizationId] as const,
  invitations: (organizationId: string) => ['invitations', organizationId] as const,
};
