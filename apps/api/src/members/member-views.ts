import type { MemberView, OpenAssignmentView, PendingInvitationView } from '@takehome/contracts';
import type { AccountToken, UserRole } from '@takehome/db';
import type { MembersRepository } from './members.repository';

type MemberRow = NonNullable<Awaited<ReturnType<MembersRepository['member']>>>;
type AssignmentRow = Awaited<ReturnType<MembersRepository['openAssignments']>>[number];

export function memberView(row: MemberRow, openAssignments: number): MemberView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    status: row.disabledAt ? 'deactivated' : 'active',
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    joinedAt: row.createdAt.toISOString(),
    openAssignments,
  };
}

export function invitationView(row: AccountToken): PendingInvitationView {
  return {
    id: row.id,
    email: row.email,
    // Invitations are always made with a role; REVIEWER only guards against a row written by hand.
    role: row.role ?? ('REVIEWER' satisfies UserRole),
    status: row.expiresAt.getTime() <= Date.now() ? 'expired' : 'invited',
    invitedAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

export function openAssignmentView(row: AssignmentRow): OpenAssignmentView {
  return {
    submissionId: row.submissionId,
    pseudonym: row.submission.attempt.invitation.pseudonym,
    assessmentName: row.submission.attempt.invitation.assessment.name,
    assignedAt: row.assignedAt.toISOString(),
  };
}

export const roleLabel = (role: UserRole) => ({ ADMIN: 'admin', HIRING_LEAD: 'hiring lead', REVIEWER: 'reviewer' })[role];
