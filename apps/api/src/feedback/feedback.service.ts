import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { FeedbackComposer, FeedbackCriterion, FeedbackQueueItem, SaveFeedbackRequest, SessionUser } from '@takehome/contracts';
import { AuditService } from '../audit/audit.service';
import { hashToken, randomToken } from '../common/tokens';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { MailService } from '../mail/mail.service';
import { identityHidden } from '../reviews/identity-visibility';
import { owesReview } from '../reviews/review-views';
import { ReviewCommentsService } from '../reviews/review-comments.service';
import { WebhooksService } from '../webhooks/webhooks.service';
import { FeedbackRepository } from './feedback.repository';

@Injectable()
export class FeedbackService {
  private readonly logger = new Logger(FeedbackService.name);

  constructor(
    private readonly feedback: FeedbackRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly webhooks: WebhooksService,
    private readonly lineComments: ReviewCommentsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async queue(user: SessionUser): Promise<FeedbackQueueItem[]> {
    const now = Date.now();
    const waiting = await this.feedback.waiting(user.organization.id);
    const named = waiting.filter((s) => !identityHidden(user.id, s.attempt.invitation.assessment.blindReview, s));
    await this.audit.identityViewed(user.organization.id, user.id, named.map((s) => s.attempt.invitationId), 'feedback-queue');
    return waiting.map((s) => ({
      submissionId: s.id,
      candidateName: identityHidden(user.id, s.attempt.invitation.assessment.blindReview, s) ? s.attempt.invitation.pseudonym : s.attempt.invitation.candidateName,
      assessmentName: s.attempt.invitation.assessment.name,
      submittedAt: s.createdAt.toISOString(),
      waitingSeconds: Math.max(0, Math.round((now - s.createdAt.getTime()) / 1000)),
      assignedReviews: s.assignments.length,
      submittedReviews: s.reviews.length,
      feedbackStatus: s.feedback ? 'DRAFT' : 'NONE',
    }));
  }

  private async find(user: SessionUser, submissionId: string) {
    const submission = await this.feedback.findSubmission(user.organization.id, submissionId);
    if (!submission) throw new NotFoundException('No such submission.');
    // A lead who is also a reviewer here composes only after their own review, so others' words cannot anchor it.
    if (owesReview(user.id, submission)) throw new ForbiddenException('Submit your own review of this submission first.');
    // The composer names the candidate, so a lead-reviewer waits until the review is no longer blind.
    if (identityHidden(user.id, submission.attempt.invitation.assessment.blindReview, submission)) {
      throw new ForbiddenException('Feedback opens once every assigned reviewer has submitted.');
    }
    return submission;
  }

  async composer(user: SessionUser, submissionId: string): Promise<FeedbackComposer> {
    const s = await this.find(user, submissionId);
    await this.audit.identityViewed(user.organization.id, user.id, [s.attempt.invitationId], 'feedback');
    const criteria = [...(s.attempt.invitation.assessment.challengeVersion.rubric?.criteria ?? [])].sort((a, b) => a.position - b.position);
    return {
      submissionId: s.id,
      candidateName: s.attempt.invitation.candidateName,
      candidateEmail: s.attempt.invitation.candidateEmail,
      draft: s.feedback
        ? {
            body: s.feedback.body,
            criteria: s.feedback.criteria as FeedbackCriterion[],
            releasedAt: s.feedback.releasedAt?.toISOString() ?? null,
            emailedAt: s.feedback.emailedAt?.toISOString() ?? null,
          }
        : null,
      reviewerComments: criteria.map((c) => ({
        criterionKey: c.key,
        title: c.title,
        comments: s.reviews.flatMap((r) => r.scores.filter((x) => x.criterionId === c.id && x.comment.trim()).map((x) => x.comment)),
      })),
      reviewerSummaries: s.reviews.map((r) => r.summary).filter((t) => t.trim()),
      sharedLineComments: await this.lineComments.sharedWithCandidate(s.id),
    };
  }

  async save(user: SessionUser, submissionId: string, body: SaveFeedbackRequest) {
    await this.find(user, submissionId);
    const saved = await this.feedback.saveDraft(submissionId, user.id, { body: body.body, criteria: body.criteria });
    if (!saved) throw new ConflictException('This feedback was released and can no longer change.');
    return this.composer(user, submissionId);
  }

  async release(user: SessionUser, submissionId: string) {
    const s = await this.find(user, submissionId);
    if (!s.feedback || !s.feedback.body.trim()) throw new BadRequestException('Write and save the feedback before releasing it.');
    // Copied now: a reviewer sharing or unsharing later must not change what the candidate was told.
    const released = await this.feedback.release(submissionId, user.id, await this.lineComments.sharedWithCandidate(submissionId));
    if (!released) throw new ConflictException('This feedback was already released.');
    await this.audit.record(user.organization.id, user.id, 'feedback.released', { type: 'Submission', id: submissionId }, { feedbackId: released.id });
    await this.webhooks.emit(user.organization.id, 'feedback.released', { submissionId, releasedAt: released.releasedAt!.toISOString() });
    const { invitation } = s.attempt;
    let emailedAt: Date | null = null;
    try {
      // The invitation link is spent at submission, so the mail carries a link of its own that opens the
      // candidate's submitted attempt (read-only by then) on any device, straight to the feedback page.
      const token = randomToken();
      await this.feedback.setFeedbackLink(invitation.id, hashToken(token));
      const link = new URL(`/a/${token}`, this.config.PUBLIC_URL);
      link.searchParams.set('to', 'feedback');
      await this.mail.send({
        to: invitation.candidateEmail,
        subject: `Your feedback for ${invitation.assessment.name} is ready`,
        text: [
          `Hello ${invitation.candidateName},`,
          '',
          `thank you for taking the ${invitation.assessment.name} assessment. The team has written feedback on your submission.`,
          `Read it here: ${link.toString()}`,
          '',
          `— ${user.organization.name}`,
        ].join('\n'),
      });
      emailedAt = (await this.feedback.markEmailed(released.id)).emailedAt;
    } catch (error) {
      // Released stays released: the candidate's page shows it even if the notice could not be sent.
      this.logger.error(`feedback email for submission ${submissionId} failed: ${error instanceof Error ? error.message : error}`);
    }
    return { submissionId, releasedAt: released.releasedAt!.toISOString(), emailedAt: emailedAt?.toISOString() ?? null };
  }
}
