import { z } from 'zod';
import { userRole } from './auth';
import { accountLinkToken, emailAddress, newPassword, personName } from './passwords';

export const memberView = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: userRole,
  status: z.enum(['active', 'deactivated']),
  lastSignInAt: z.iso.datetime().nullable(),
  joinedAt: z.iso.datetime(),
  // Submissions assigned to this person that still lack their submitted review.
  openAssignments: z.number().int(),
});
export type MemberView = z.infer<typeof memberView>;

export const pendingInvitationView = z.object({
  id: z.uuid(),
  email: z.string(),
  role: userRole,
  status: z.enum(['invited', 'expired']),
  invitedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type PendingInvitationView = z.infer<typeof pendingInvitationView>;

export const membersView = z.object({ members: z.array(memberView), invitations: z.array(pendingInvitationView) });
export type MembersView = z.infer<typeof membersView>;

export const inviteMemberRequest = z.object({ email: emailAddress, role: userRole });
export type InviteMemberRequest = z.infer<typeof inviteMemberRequest>;

export const changeRoleRequest = z.object({ role: userRole });
export type ChangeRoleRequest = z.infer<typeof changeRoleRequest>;

export const acceptInvitationRequest = z.object({ token: accountLinkToken, name: personName, password: newPassword });
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequest>;

/** A review someone still owes: listed when they are deactivated, so a lead can reassign it. */
export const openAssignmentView = z.object({
  submissionId: z.uuid(),
  pseudonym: z.string(),
  assessmentName: z.string(),
  assignedAt: z.iso.datetime(),
});
export type OpenAssignmentView = z.infer<typeof openAssignmentView>;

export const deactivationResult = z.object({ member: memberView, openAssignments: z.array(openAssignmentView) });
export type DeactivationResult = z.infer<typeof deactivationResult>;

