import {
  type AcceptInvitationRequest,
  accountLinkView,
  type ChangePasswordRequest,
  type ChangeRoleRequest,
  deactivationResult,
  type ForgotPasswordRequest,
  type InviteMemberRequest,
  membersView,
  memberView,
  messageResponse,
  pendingInvitationView,
  type ResetPasswordRequest,
  sessionUser,
  type SetupRequest,
  setupStatus,
} from '@takehome/contracts';
import { z } from 'zod';
import { request } from './http';

// First run
export const fetchSetupStatus = () => request(setupStatus, '/api/setup');
export const setUp = (body: SetupRequest) => request(sessionUser, '/api/setup', { method: 'POST', json: body });

// Emailed links (invitation, password reset, first password)
export const fetchAccountLink = (token: string) => request(accountLinkView, `/api/account-links/${encodeURIComponent(token)}`);
export const acceptInvitation = (body: AcceptInvitationRequest) => request(sessionUser, '/api/members/accept', { method: 'POST', json: body });
export const forgotPassword = (body: ForgotPasswordRequest) => request(messageResponse, '/api/passwords/forgot', { method: 'POST', json: body });
export const resetPassword = (body: ResetPasswordRequest) => request(sessionUser, '/api/passwords/reset', { method: 'POST', json: body });
export const changePassword = (body: ChangePasswordRequest) => request(z.undefined(), '/api/passwords/change', { method: 'POST', json: body });

// Members (admins)
export const fetchMembers = () => request(membersView, '/api/members');
export const inviteMember = (body: InviteMemberRequest) => request(pendingInvitationView, '/api/members/invitations', { method: 'POST', json: body });
export const resendInvitation = (id: string) => request(pendingInvitationView, `/api/members/invitations/${id}/resend`, { method: 'POST' });
export const revokeInvitation = (id: string) => request(z.undefined(), `/api/members/invitations/${id}`, { method: 'DELETE' });
export const changeRole = (id: string, body: ChangeRoleRequest) => request(memberView, `/api/members/${id}/role`, { method: 'PATCH', json: body });
export const deactivateMember = (id: string) => request(deactivationResult, `/api/members/${id}/deactivate`, { method: 'POST' });
export const reactivateMember = (id: string) => request(memberView, `/api/members/${id}/reactivate`, { method: 'POST' });
