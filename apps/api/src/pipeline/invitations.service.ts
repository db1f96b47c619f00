import { BadRequestException, ConflictException, Inject, Injectable, InternalServerErrorException, Logger, NotFoundException } from '@nestjs/common';
import {
  type CreateInvitationRequest,
  type CsvImportResult,
  type CsvRowProblem,
  type ExtendInvitationRequest,
  type InvitationKind,
  type IssuedInvitationView,
  MAX_ACCOMMODATION_MINUTES,
  type PipelineQuery,
  type PipelineRow,
  type SessionUser,
} from '@takehome/contracts';
import { Prisma } from '@takehome/db';
import { randomUUID } from 'node:crypto';
import { writesCloseAt } from '../attempts/attempt-deadline';
import { DeadlineScheduler } from '../attempts/submission/deadline-scheduler';
import { AuditService } from '../audit/audit.service';
import { hashToken, randomToken } from '../common/tokens';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { MailService } from '../mail/mail.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { parseCandidateCsv } from './candidate-csv';
import { invitationMail } from './invitation-mail';
import { InvitationsRepository, type NewInvitation, type PipelineInvitation } from './invitations.repository';
import { pipelineRowOf } from './pipeline-rows';

const DEFAULT_LINK_DAYS = 7;
const MAIL_CONCURRENCY = 8;
const DAY_MS = 86_400_000;

type Assessment = NonNullable<Awaited<ReturnType<InvitationsRepository['findAssessment']>>>;
type Invitee = { name: string; email: string; accommodationMinutes: number; expiresInDays?: number };

/**
 * The hiring lead's side of invitations: issuing (one or a CSV), resending, extending, revoking, and the
 * dashboard rows. A link's token is returned once, when issued; only its hash is kept.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly mail: MailService,
    private readonly webhooks: WebhooksService,
    private readonly audit: AuditService,
    private readonly scheduler: DeadlineScheduler,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The dashboard, newest first; the stage filter applies to the derived stage. */
  async rows(viewer: SessionUser, assessmentId: string, query: PipelineQuery = {}): Promise<{ assessment: Assessment; rows: PipelineRow[] }> {
    const assessment = await this.assessment(viewer.organization.id, assessmentId);
    const now = new Date();
    const rows = (await this.invitations.list(viewer.organization.id, assessmentId, query))
      .map((i) => pipelineRowOf(i, criteriaOf(assessment), viewer.id, now))
      .filter((r) => !query.stage || r.stage === query.stage)
      // The search matches names and emails: a row whose identity is hidden from this viewer must not be
      // found by them, or searching for a name would tell them which pseudonym it is.
      .filter((r) => !query.q?.trim() || !r.identityHidden);
    return { assessment, rows };
  }

  /**
   * The dashboard or its export as seen by a team member: names next to results, so showing a candidate who
   * has submitted is recorded as an identity view, and an export is recorded as such.
   */
  async rowsFor(user: SessionUser, assessmentId: string, query: PipelineQuery, via: 'pipeline' | 'pipeline-export') {
    const result = await this.rows(user, assessmentId, query);
    // Only rows whose identity this person was shown: a blind reviewer's pseudonyms reveal no one.
    const submitted = result.rows.filter((r) => r.submittedAt && !r.identityHidden).map((r) => r.invitationId);
    await this.audit.identityViewed(user.organization.id, user.id, submitted, via);
    if (via === 'pipeline-export') {
      // The search text may be a name, so it goes with the erasable personal fields.
      const { q, ...filters } = query;
      await this.audit.record(user.organization.id, user.id, 'pipeline.exported', { type: 'Assessment', id: assessmentId }, { rows: result.rows.length, filters }, {
        personal: q ? { candidateSearch: q } : undefined,
      });
    }
    return result;
  }

  async create(user: SessionUser, assessmentId: string, request: CreateInvitationRequest): Promise<IssuedInvitationView> {
    const assessment = await this.assessment(user.organization.id, assessmentId);
    const kind = invitationKindFor(assessment);
    if ((await this.invitations.invitedEmails(assessment.id, [request.email])).size) throw alreadyInvited(request.email);
    const [issued] = await this.issue(user, assessment, kind, [{ ...request, accommodationMinutes: request.accommodationMinutes ?? 0 }], () =>
      alreadyInvited(request.email),
    );
    return issued;
  }

  /** Bad rows are reported by line and skipped; the good ones go in together or not at all. */
  async importCsv(user: SessionUser, assessmentId: string, text: string): Promise<CsvImportResult> {
    const assessment = await this.assessment(user.organization.id, assessmentId);
    const kind = invitationKindFor(assessment);
    const parsed = parseCandidateCsv(text);
    if (!parsed.ok) throw new BadRequestException(parsed.error);
    if (parsed.rows.length === 0 && parsed.problems.length === 0) {
      throw new BadRequestException('The file has no candidates: put the column names (name, email) on the first line and one candidate per line below.');
    }
    const invited = await this.invitations.invitedEmails(assessment.id, parsed.rows.map((r) => r.email));
    const problems: CsvRowProblem[] = [...parsed.problems];
    const fresh = parsed.rows.filter((row) => {
      if (invited.has(row.email)) problems.push({ line: row.line, message: `${row.email} is already invited to this assessment` });
      return !invited.has(row.email);
    });
    problems.sort((a, b) => a.line - b.line);
    const imported = fresh.length
      ? await this.issue(user, assessment, kind, fresh, () => new ConflictException('Someone was invited to this assessment while the file was being imported; nothing was imported. Upload the file again.'))
      : [];
    return { imported, problems };
  }

  /** A new link (the old one stops working) and a new email; an expired, never-started invitation gets a fresh window. */
  async resend(user: SessionUser, assessmentId: string, invitationId: string): Promise<IssuedInvitationView> {
    const { assessment, invitation } = await this.invitation(user.organization.id, assessmentId, invitationId);
    this.refuseWhenClosed(invitation, 'resent');
    const expired = !invitation.attempt && invitation.expiresAt.getTime() <= Date.now();
    const token = randomToken();
    const expiresAt = expired ? new Date(Date.now() + DEFAULT_LINK_DAYS * DAY_MS) : undefined;
    if (!(await this.invitations.rotateToken(invitation.id, hashToken(token), expiresAt))) throw changedMeanwhile();
    const link = this.link(token);
    const emailed = await this.send(user, assessment, { ...invitation, expiresAt: expiresAt ?? invitation.expiresAt }, link, true);
    await this.audit.record(user.organization.id, user.id, 'invitation.resent', { type: 'Invitation', id: invitation.id }, {
      assessmentId,
      ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
    });
    const row = await this.row(user, assessment, invitation.id);
    // sentAt is that of the last email that went out; if this one did not, the lead must share the new link.
    return { ...row, link, sentAt: emailed ? row.sentAt : null };
  }

  async extend(user: SessionUser, assessmentId: string, invitationId: string, request: ExtendInvitationRequest): Promise<PipelineRow> {
    const { assessment, invitation } = await this.invitation(user.organization.id, assessmentId, invitationId);
    this.refuseWhenClosed(invitation, 'extended');
    const attempt = invitation.attempt;
    if (attempt && writesCloseAt(attempt.deadline, assessment.graceSeconds).getTime() < Date.now()) {
      throw new ConflictException('Time is already up for this attempt: its last saved work is being submitted.');
    }
    if (request.extraMinutes && invitation.accommodationMinutes + request.extraMinutes > MAX_ACCOMMODATION_MINUTES) {
      const message = `the accommodation would be ${invitation.accommodationMinutes + request.extraMinutes} minutes; at most ${MAX_ACCOMMODATION_MINUTES}`;
      throw new BadRequestException({ message: `extraMinutes: ${message}`, issues: [{ path: 'extraMinutes', message }] });
    }
    const expiresAt = request.days ? new Date(Math.max(Date.now(), invitation.expiresAt.getTime()) + request.days * DAY_MS) : undefined;
    const deadline = await this.invitations.extend(invitation.id, { expiresAt, extraMinutes: request.extraMinutes });
    if (deadline === false) throw changedMeanwhile();
    // The job id names the due time, so this adds a job for the new deadline; the old one finds it not yet due.
    if (deadline && attempt) await this.scheduler.schedule(attempt.id, writesCloseAt(deadline, assessment.graceSeconds));
    await this.audit.record(user.organization.id, user.id, 'invitation.extended', { type: 'Invitation', id: invitation.id }, {
      assessmentId,
      ...(request.days ? { days: request.days, expiresAt: expiresAt!.toISOString() } : {}),
      ...(request.extraMinutes ? { extraMinutes: request.extraMinutes } : {}),
      ...(deadline ? { deadline: deadline.toISOString() } : {}),
    });
    return this.row(user, assessment, invitation.id);
  }

  /** Idempotent; the candidate's open sessions end with it. */
  async revoke(user: SessionUser, assessmentId: string, invitationId: string): Promise<PipelineRow> {
    const { assessment, invitation } = await this.invitation(user.organization.id, assessmentId, invitationId);
    if (invitation.status === 'REVOKED') return this.row(user, assessment, invitation.id);
    this.refuseWhenClosed(invitation, 'revoked');
    if (!(await this.invitations.revoke(invitation.id))) throw changedMeanwhile();
    await this.audit.record(user.organization.id, user.id, 'invitation.revoked', { type: 'Invitation', id: invitation.id }, {
      assessmentId,
      started: Boolean(invitation.attempt),
    });
    return this.row(user, assessment, invitation.id);
  }

  /**
   * Inserts every invitee in one transaction, then (only after commit) emails each and tells the webhooks.
   * A failed email leaves the invitation unsent on the dashboard (resend fixes it) rather than failing the request.
   */
  private async issue(user: SessionUser, assessment: Assessment, kind: InvitationKind, invitees: Invitee[], onDuplicate: () => Error): Promise<IssuedInvitationView[]> {
    const organizationId = user.organization.id;
    const links = new Map<string, string>();
    const rows: NewInvitation[] = invitees.map((invitee) => {
      const id = randomUUID();
      const token = randomToken();
      links.set(id, this.link(token));
      return {
        id,
        candidateName: invitee.name,
        candidateEmail: invitee.email,
        accommodationMinutes: invitee.accommodationMinutes,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + (invitee.expiresInDays ?? DEFAULT_LINK_DAYS) * DAY_MS),
      };
    });
    try {
      await this.invitations.createAll(organizationId, assessment.id, kind, rows);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw onDuplicate();
      this.logger.error(`invitations for assessment ${assessment.id} failed: ${error instanceof Error ? error.stack : error}`);
      throw new InternalServerErrorException(`Nothing was invited: the invitation${rows.length === 1 ? '' : 's'} could not be saved. Try again.`);
    }
    const ids = rows.map((r) => r.id);
    const created = await this.invitations.findMany(organizationId, ids);
    // A few emails at a time: a 1,000-row file is not 1,000 SMTP round trips in a row, nor 1,000 at once.
    for (let start = 0; start < created.length; start += MAIL_CONCURRENCY) {
      await Promise.all(
        created.slice(start, start + MAIL_CONCURRENCY).map(async (invitation) => {
          await this.send(user, assessment, invitation, links.get(invitation.id)!, false);
          // The rows are committed: a webhook or audit failure is logged, never allowed to lose the links.
          await this.webhooks
            .emit(organizationId, 'invitation.created', {
              invitationId: invitation.id,
              assessmentId: assessment.id,
              kind,
              email: invitation.candidateEmail,
              name: invitation.candidateName,
            })
            .catch((error: Error) => this.logger.error(`invitation.created webhook for ${invitation.id} not recorded: ${error.message}`));
          await this.audit
            .record(organizationId, user.id, 'invitation.created', { type: 'Invitation', id: invitation.id }, { assessmentId: assessment.id, kind, email: invitation.candidateEmail })
            .catch((error: Error) => this.logger.error(`audit of invitation ${invitation.id} not recorded: ${error.message}`));
        }),
      );
    }
    const now = new Date();
    const byId = new Map((await this.invitations.findMany(organizationId, ids)).map((i) => [i.id, i]));
    return ids.map((id) => ({ ...pipelineRowOf(byId.get(id)!, criteriaOf(assessment), user.id, now), link: links.get(id)! }));
  }

  /** True when the email went out; a failure is logged and shows as "not sent" on the dashboard. */
  private async send(user: SessionUser, assessment: Assessment, invitation: PipelineInvitation, link: string, resent: boolean): Promise<boolean> {
    try {
      await this.mail.send(
        invitationMail({
          kind: invitation.kind,
          name: invitation.candidateName,
          email: invitation.candidateEmail,
          assessmentName: assessment.name,
          organizationName: user.organization.name,
          timeLimitMinutes: assessment.timeLimitMinutes,
          accommodationMinutes: invitation.accommodationMinutes,
          link,
          expiresAt: invitation.expiresAt,
          resent,
        }),
      );
      await this.invitations.markSent(invitation.id, new Date());
      return true;
    } catch (error) {
      this.logger.error(`invitation email for ${invitation.id} failed: ${error instanceof Error ? error.message : error}`);
      return false;
    }
  }

  private link(token: string) {
    return new URL(`/a/${token}`, this.config.PUBLIC_URL).toString();
  }

  private async assessment(organizationId: string, id: string): Promise<Assessment> {
    const assessment = await this.invitations.findAssessment(organizationId, id);
    if (!assessment) throw new NotFoundException('No such assessment.');
    return assessment;
  }

  private async invitation(organizationId: string, assessmentId: string, invitationId: string) {
    const assessment = await this.assessment(organizationId, assessmentId);
    const invitation = await this.invitations.find(organizationId, assessmentId, invitationId);
    if (!invitation) throw new NotFoundException('No such invitation.');
    return { assessment, invitation };
  }

  private async row(viewer: SessionUser, assessment: Assessment, invitationId: string): Promise<PipelineRow> {
    const invitation = await this.invitations.find(viewer.organization.id, assessment.id, invitationId);
    if (!invitation) throw new NotFoundException('No such invitation.');
    return pipelineRowOf(invitation, criteriaOf(assessment), viewer.id);
  }

  private refuseWhenClosed(invitation: PipelineInvitation, action: string) {
    if (invitation.status === 'REVOKED') throw new ConflictException(`This invitation was revoked and cannot be ${action}.`);
    if (invitation.attempt && invitation.attempt.status !== 'IN_PROGRESS') {
      throw new ConflictException(`This invitation's work is already submitted, so it cannot be ${action}.`);
    }
  }
}

/** Pilot assessments invite teammates, live ones candidates; drafts and closed assessments invite nobody. */
function invitationKindFor(assessment: { status: string }): InvitationKind {
  if (assessment.status === 'PILOT') return 'PILOT';
  if (assessment.status === 'LIVE') return 'CANDIDATE';
  throw new ConflictException(
    assessment.status === 'DRAFT'
      ? 'A draft assessment takes no invitations: start the pilot to invite teammates, or launch it to invite candidates.'
      : 'This assessment is closed and takes no new invitations.',
  );
}

export function criteriaOf(assessment: Assessment) {
  return assessment.challengeVersion.rubric?.criteria ?? [];
}

function alreadyInvited(email: string) {
  return new ConflictException(`${email} is already invited to this assessment.`);
}

function changedMeanwhile() {
  return new ConflictException('This invitation changed meanwhile (revoked or submitted); reload and try again.');
}
