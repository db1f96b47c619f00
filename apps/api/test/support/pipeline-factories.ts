import type { AssessmentStatus, InvitationKind, PrismaClient } from '@takehome/db';
import { randomUUID } from 'node:crypto';
import { hashToken, randomToken } from '../../src/common/tokens';
import { importBuiltInChallenges } from '../../src/seed/seed';
import type { Factories } from './factories';

export interface InviteeOptions {
  kind?: InvitationKind;
  name?: string;
  email?: string;
  createdAt?: Date;
  expiresAt?: Date;
  revoked?: boolean;
  /** Started this many minutes before now. */
  startedMinutesAgo?: number;
  /** Submitted this many minutes after starting. */
  submittedAfterMinutes?: number;
  automatic?: boolean;
  /** A finished grading run with these counts. */
  tests?: { visiblePassed: number; visibleTotal: number; hiddenPassed: number; hiddenTotal: number };
  /** One submitted review per entry, every criterion at that level; each reviewer is also assigned. */
  reviewLevels?: number[];
  /** Feedback released this many hours after submission. */
  feedbackAfterHours?: number;
}

const MIN = 60_000;

/**
 * An organization with a lead and an assessment of the url-shortener (rubric included), and invitees placed
 * at any point of the pipeline by writing the rows the platform would have written, with chosen timestamps.
 */
export class PipelineFactories {
  private readonly prisma: PrismaClient;

  constructor(private readonly factories: Factories) {
    this.prisma = factories.prisma;
  }

  async scene(status: AssessmentStatus = 'LIVE', overrides: { timeLimitMinutes?: number; name?: string } = {}) {
    const org = await this.factories.organization();
    const lead = await this.factories.user(org.id, 'HIRING_LEAD');
    const imported = await importBuiltInChallenges(this.prisma, org.id);
    const version = imported.find((c) => c.slug === 'url-shortener')!;
    const assessment = await this.prisma.assessment.create({
      data: {
        organizationId: org.id,
        challengeVersionId: version.id,
        name: overrides.name ?? `Backend engineer ${randomUUID().slice(0, 6)}`,
        status,
        timeLimitMinutes: overrides.timeLimitMinutes ?? 150,
        runtimes: ['node20', 'python3'],
        launchedAt: status === 'LIVE' ? new Date() : null,
      },
    });
    return { org, lead, assessment, challengeVersionId: version.id };
  }

  async invitee(scene: Awaited<ReturnType<PipelineFactories['scene']>>, o: InviteeOptions = {}) {
    const suffix = randomUUID().slice(0, 8);
    const token = randomToken();
    const now = Date.now();
    const invitation = await this.prisma.invitation.create({
      data: {
        organizationId: scene.org.id,
        assessmentId: scene.assessment.id,
        kind: o.kind ?? 'CANDIDATE',
        candidateName: o.name ?? `Pia Pipeline-${suffix}`,
        candidateEmail: o.email ?? `pia.${suffix}@candidate.test`,
        pseudonym: `Candidate ${suffix.slice(0, 4).toUpperCase()}`,
        tokenHash: hashToken(token),
        createdAt: o.createdAt ?? new Date(now - 10 * 24 * 60 * MIN),
        expiresAt: o.expiresAt ?? new Date(now + 7 * 24 * 60 * MIN),
        status: o.revoked ? 'REVOKED' : o.startedMinutesAgo !== undefined ? 'OPENED' : 'PENDING',
        revokedAt: o.revoked ? new Date(now - MIN) : null,
        sentAt: new Date(now - 10 * 24 * 60 * MIN),
        sendCount: 1,
      },
    });
    if (o.startedMinutesAgo === undefined) return { invitation, token };

    const startedAt = new Date(now - o.startedMinutesAgo * MIN);
    const submittedAt = o.submittedAfterMinutes === undefined ? null : new Date(startedAt.getTime() + o.submittedAfterMinutes * MIN);
    const attempt = await this.prisma.attempt.create({
      data: {
        invitationId: invitation.id,
        runtime: 'node20',
        status: submittedAt ? (o.automatic ? 'EXPIRED_SUBMITTED' : 'SUBMITTED') : 'IN_PROGRESS',
        startedAt,
        deadline: new Date(startedAt.getTime() + scene.assessment.timeLimitMinutes * MIN),
        submittedAt,
      },
    });
    if (!submittedAt) return { invitation, token, attempt };

    const files = { 'server.js': '// work\n' };
    const submission = await this.prisma.submission.create({
      data: { attemptId: attempt.id, files, contentHash: randomUUID(), automatic: o.automatic ?? false, createdAt: submittedAt },
    });
    if (o.tests) {
      const t = o.tests;
      const tests = [
        ...Array.from({ length: t.visibleTotal }, (_, i) => ({ name: `visible ${i}`, status: i < t.visiblePassed ? 'passed' : 'failed', score: 1, maxScore: 1, output: '', visibility: 'visible' })),
        ...Array.from({ length: t.hiddenTotal }, (_, i) => ({ name: `hidden ${i}`, status: i < t.hiddenPassed ? 'passed' : 'failed', score: 1, maxScore: 1, output: '', visibility: 'hidden' })),
      ];
      await this.prisma.run.create({
        data: {
          kind: 'GRADING',
          status: 'FINISHED',
          outcome: 'COMPLETED',
          submissionId: submission.id,
          challengeVersionId: scene.challengeVersionId,
          runtime: 'node20',
          suite: 'all',
          files,
          tests,
          queuedAt: submittedAt,
          finishedAt: new Date(submittedAt.getTime() + MIN),
        },
      });
    }
    if (o.reviewLevels?.length) {
      const criteria = await this.prisma.rubricCriterion.findMany({ where: { rubric: { challengeVersionId: scene.challengeVersionId } } });
      for (const [i, level] of o.reviewLevels.entries()) {
        const reviewer = await this.factories.user(scene.org.id, 'REVIEWER');
        await this.prisma.reviewAssignment.create({ data: { submissionId: submission.id, reviewerId: reviewer.id } });
        await this.prisma.review.create({
          data: {
            submissionId: submission.id,
            reviewerId: reviewer.id,
            status: 'SUBMITTED',
            recommendation: level >= 3 ? 'YES' : 'NO',
            submittedAt: new Date(submittedAt.getTime() + (i + 2) * 60 * MIN),
            scores: { create: criteria.map((c) => ({ criterionId: c.id, level })) },
          },
        });
      }
    }
    if (o.feedbackAfterHours !== undefined) {
      await this.prisma.feedback.create({
        data: {
          submissionId: submission.id,
          authorId: scene.lead.id,
          body: 'Thank you.',
          criteria: [],
          releasedAt: new Date(submittedAt.getTime() + o.feedbackAfterHours * 60 * MIN),
        },
      });
    }
    return { invitation, token, attempt, submission };
  }
}
