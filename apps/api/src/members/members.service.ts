import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import type {
  AcceptInvitationRequest,
  DeactivationResult,
  InviteMemberRequest,
  MembersView,
  MemberView,
  OpenAssignmentView,
  PendingInvitationView,
  SessionUser,
  UserRole,
} from '@takehome/contracts';
import { Prisma } from '@takehome/db';
import { ACCOUNT_LINK_PATH, ACCOUNT_TOKEN_TTL_MS, AccountTokensService } from '../account-tokens/account-tokens.service';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { MailService } from '../mail/mail.service';
import { PasswordPolicy } from '../passwords/password-policy';
import { invitationView, memberView, openAssignmentView, roleLabel } from './member-views';
import { type MemberChange, MembersRepository } from './members.repository';

export const LAST_ADMIN_MESSAGE =
  'An organization needs at least one active admin, and this is the last one. Make another member an admin first.';
const EMAIL_TAKEN_MESSAGE =
  'An account with this email address already exists. Email addresses are unique across Takehome, so a person who belongs to another organization needs a different address here.';

@Injectable()
export class MembersService {
  constructor(
    private readonly repository: MembersRepository,
    private readonly tokens: AccountTokensService,
    private readonly policy: PasswordPolicy,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async list(organizationId: string): Promise<MembersView> {
    const [members, counts, invitations] = await Promise.all([
      this.repository.members(organizationId),
      this.repository.openAssignmentCounts(organizationId),
      this.repository.openInvitations(organizationId),
    ]);
    return { members: members.map((m) => memberView(m, counts.get(m.id) ?? 0)), invitations: invitations.map(invitationView) };
  }

  async invite(actor: SessionUser, input: InviteMemberRequest): Promise<PendingInvitationView> {
    const organizationId = actor.organization.id;
    if (await this.repository.emailTaken(input.email)) throw new ConflictException({ message: EMAIL_TAKEN_MESSAGE, code: 'email_taken' });
    if (await this.repository.openInvitationFor(organizationId, input.email)) {
      throw new ConflictException({ message: `${input.email} already has an open invitation. Resend it from the list instead.`, code: 'already_invited' });
    }
    const { row, token } = await this.tokens.issue({ organizationId, purpose: 'INVITE', email: input.email, role: input.role, createdById: actor.id });
    await this.audit.record(organizationId, actor.id, 'member.invited', { type: 'MemberInvitation', id: row.id }, { email: input.email, role: input.role });
    await this.sendInvitation(actor, input.email, input.role, token);
    return invitationView(row);
  }

  /** A new link (the old one stops working) with a fresh expiry, for a lost or expired invitation email. */
  async resend(actor: SessionUser, invitationId: string): Promise<PendingInvitationView> {
    const organizationId = actor.organization.id;
    const invitation = await this.repository.openInvitation(organizationId, invitationId);
    if (!invitation?.role) throw invitationNotFound();
    const { token, tokenHash, expiresAt } = this.tokens.rotation('INVITE');
    if (!(await this.repository.rotateInvitation(organizationId, invitationId, tokenHash, expiresAt))) throw invitationNotFound();
    await this.audit.record(organizationId, actor.id, 'member.invitation_resent', { type: 'MemberInvitation', id: invitationId }, { email: invitation.email });
    await this.sendInvitation(actor, invitation.email, invitation.role, token);
    return invitationView({ ...invitation, tokenHash, expiresAt });
  }

  async revoke(actor: SessionUser, invitationId: string): Promise<void> {
    const organizationId = actor.organization.id;
    const invitation = await this.repository.openInvitation(organizationId, invitationId);
    if (!invitation || !(await this.repository.revokeInvitation(organizationId, invitationId))) throw invitationNotFound();
    await this.audit.record(organizationId, actor.id, 'member.invitation_revoked', { type: 'MemberInvitation', id: invitationId }, { email: invitation.email });
  }

  /** The invitee picks their name and password; the link is used up and the account made in one transaction. */
  async accept(input: AcceptInvitationRequest) {
    const link = await this.tokens.inspect(input.token, ['INVITE']);
    this.policy.assertAcceptable(input.password, [input.name, link.email, link.organizationName]);
    const passwordHash = await hash(input.password);
    try {
      const { member, invitation } = await this.repository.transaction(async (tx) => {
        const invitation = await this.tokens.claim(input.token, ['INVITE'], tx);
        const member = await this.repository.createMember(tx, {
          organizationId: invitation.organizationId,
          email: invitation.email,
          name: input.name,
          role: invitation.role ?? 'REVIEWER',
          passwordHash,
        });
        await this.repository.linkInvitation(tx, invitation.id, member.id);
        return { member, invitation };
      });
      await this.audit.record(invitation.organizationId, member.id, 'member.joined', { type: 'User', id: member.id }, { invitationId: invitation.id, role: member.role });
      return this.auth.startSession(member.id, 'invitation');
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictException({ message: `${EMAIL_TAKEN_MESSAGE} Sign in with it instead.`, code: 'email_taken' });
      }
      throw error;
    }
  }

  async changeRole(actor: SessionUser, memberId: string, role: UserRole): Promise<MemberView> {
    const before = await this.findMember(actor.organization.id, memberId);
    const member = settled(await this.repository.changeRole(actor.organization.id, actor.id, memberId, role));
    if (before.role !== role) {
      await this.audit.record(actor.organization.id, actor.id, 'member.role_changed', { type: 'User', id: memberId }, { from: before.role, to: role });
      await this.notify(member.email, 'Your role in Takehome changed', `${actor.name} changed your role at ${actor.organization.name} from ${roleLabel(before.role)} to ${roleLabel(role)}.`);
    }
    return this.view(actor.organization.id, member);
  }

  async deactivate(actor: SessionUser, memberId: string): Promise<DeactivationResult> {
    await this.findMember(actor.organization.id, memberId);
    const member = settled(await this.repository.deactivate(actor.organization.id, actor.id, memberId));
    await this.audit.record(actor.organization.id, actor.id, 'member.deactivated', { type: 'User', id: memberId }, { email: member.email });
    await this.notify(member.email, 'Your Takehome account was deactivated', `${actor.name} deactivated your account at ${actor.organization.name}. You can no longer sign in; your past reviews are kept.`);
    const openAssignments = await this.openAssignments(actor.organization.id, memberId);
    return { member: memberView(member, openAssignments.length), openAssignments };
  }

  async reactivate(actor: SessionUser, memberId: string): Promise<MemberView> {
    await this.findMember(actor.organization.id, memberId);
    const member = settled(await this.repository.reactivate(actor.organization.id, actor.id, memberId));
    await this.audit.record(actor.organization.id, actor.id, 'member.reactivated', { type: 'User', id: memberId }, { email: member.email });
    await this.notify(member.email, 'Your Takehome account was reactivated', `${actor.name} reactivated your account at ${actor.organization.name}. Sign in at ${this.config.PUBLIC_URL}/login.`);
    return this.view(actor.organization.id, member);
  }

  async openAssignments(organizationId: string, memberId: string): Promise<OpenAssignmentView[]> {
    await this.findMember(organizationId, memberId);
    return (await this.repository.openAssignments(organizationId, memberId)).map(openAssignmentView);
  }

  private async findMember(organizationId: string, memberId: string) {
    const member = await this.repository.member(organizationId, memberId);
    if (!member) throw new NotFoundException('No member with this id in your organization.');
    return member;
  }

  private async view(organizationId: string, member: Parameters<typeof memberView>[0]) {
    return memberView(member, (await this.repository.openAssignments(organizationId, member.id)).length);
  }

  private sendInvitation(actor: SessionUser, email: string, role: UserRole, token: string) {
    const days = ACCOUNT_TOKEN_TTL_MS.INVITE / (24 * 3600 * 1000);
    return this.mail.send({
      to: email,
      subject: `${actor.name} invited you to ${actor.organization.name} on Takehome`,
      text: [
        'Hello,',
        '',
        `${actor.name} invited you to join ${actor.organization.name} on Takehome as a ${roleLabel(role)}.`,
        `Choose your name and password here (the link works once, for ${days} days):`,
        '',
        `${this.config.PUBLIC_URL}${ACCOUNT_LINK_PATH.INVITE}${token}`,
      ].join('\n'),
    });
  }

  private notify(to: string, subject: string, line: string) {
    return this.mail.send({ to, subject, text: `Hello,\n\n${line}\n` });
  }
}

function invitationNotFound() {
  return new NotFoundException('No open invitation with this id in your organization (it may have been accepted or revoked).');
}

/** Turns a refusal decided under the organization lock into its HTTP answer. */
function settled<T>(change: MemberChange<T>): T {
  if (change.ok) return change.value;
  if (change.reason === 'not_found') throw new NotFoundException('No member with this id in your organization.');
  if (change.reason === 'actor_not_admin') throw new ForbiddenException('Your role does not allow this action.');
  throw new ConflictException({ message: LAST_ADMIN_MESSAGE, code: 'last_admin' });
}
