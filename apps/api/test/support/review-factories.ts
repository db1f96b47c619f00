import type { PrismaClient } from '@takehome/db';
import { randomUUID } from 'node:crypto';
import { importBuiltInChallenges } from '../../src/seed/seed';
import type { Factories } from './factories';

/**
 * Builds a submitted attempt with a finished grading run, the state review starts from, without going
 * through the candidate flow or a sandbox. Names and emails are unique so a leak is unambiguous.
 */
export class ReviewFactories {
  private readonly prisma: PrismaClient;

  constructor(private readonly factories: Factories) {
    this.prisma = factories.prisma;
  }

  async challengeVersion(organizationId: string, slug = 'url-shortener') {
    const imported = await importBuiltInChallenges(this.prisma, organizationId);
    const found = imported.find((c) => c.slug === slug);
    if (!found) throw new Error(`built-in challenge ${slug} not found`);
    return this.prisma.challengeVersion.findUniqueOrThrow({ where: { id: found.id }, include: { rubric: { include: { criteria: true } } } });
  }

  assessment(organizationId: string, challengeVersionId: string, overrides: { reviewersPerSubmission?: number; blindReview?: boolean } = {}) {
    return this.prisma.assessment.create({
      data: {
        organizationId,
        challengeVersionId,
        name: `Backend assessment ${randomUUID().slice(0, 6)}`,
        status: 'LIVE',
        timeLimitMinutes: 150,
        runtimes: ['node20'],
        ...overrides,
      },
    });
  }

  /** Invitation -> attempt (started 95 minutes before submitting) -> submission -> finished grading run. */
  async submission(organizationId: string, assessment: { id: string; challengeVersionId: string }) {
    const suffix = randomUUID().slice(0, 8);
    const invitation = await this.prisma.invitation.create({
      data: {
        organizationId,
        assessmentId: assessment.id,
        candidateName: `Candace Zeta-${suffix}`,
        candidateEmail: `candace.${suffix}@candidate.test`,
        pseudonym: `Candidate ${suffix.slice(0, 4).toUpperCase()}`,
        tokenHash: randomUUID(),
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
        status: 'OPENED',
      },
    });
    const submittedAt = new Date(Date.now() - 3 * 3_600_000);
    const startedAt = new Date(submittedAt.getTime() - 95 * 60_000);
    const files = {
      'server.js': "const http = require('node:http');\n// stores links in memory\nconst links = new Map();\nhttp.createServer((req, res) => {\n  res.end('ok');\n}).listen(process.env.PORT);\n",
      'package.json': '{ "name": "url-shortener", "scripts": { "start": "node server.js" } }\n',
      'test/links.test.js': "test('creates a link', () => {});\n",
    };
    const attempt = await this.prisma.attempt.create({
      data: { invitationId: invitation.id, runtime: 'node20', status: 'SUBMITTED', startedAt, deadline: new Date(startedAt.getTime() + 150 * 60_000), submittedAt },
    });
    const submission = await this.prisma.submission.create({
      data: { attemptId: attempt.id, files, contentHash: randomUUID(), createdAt: submittedAt },
    });
    await this.prisma.run.create({
      data: {
        kind: 'GRADING',
        status: 'FINISHED',
        outcome: 'COMPLETED',
        submissionId: submission.id,
        challengeVersionId: assessment.challengeVersionId,
        runtime: 'node20',
        suite: 'all',
        files,
        score: 3,
        maxScore: 5,
        tests: [
          { name: 'creates a short link', status: 'passed', score: 1, maxScore: 1, output: '', visibility: 'visible' },
          { name: 'redirects to the target', status: 'passed', score: 2, maxScore: 2, output: '', visibility: 'visible' },
          { name: 'keeps links across a restart', status: 'failed', score: 0, maxScore: 2, output: 'expected 302, got 404 after restart', visibility: 'hidden' },
          // Skipped tests are stored like the rest and are out of maxScore.
          { name: 'expires links after their ttl', status: 'skipped', score: 0, maxScore: 0, output: 'skipped: todo', visibility: 'hidden' },
        ],
        logs: 'listening on 8080\n',
        queuedAt: submittedAt,
        startedAt: submittedAt,
        finishedAt: new Date(submittedAt.getTime() + 40_000),
        executionMs: 40_000,
      },
    });
    return { invitation, attempt, submission };
  }

  assign(submissionId: string, ...reviewerIds: string[]) {
    return this.prisma.reviewAssignment.createMany({ data: reviewerIds.map((reviewerId) => ({ submissionId, reviewerId })) });
  }

  /** An organization with a lead, two reviewers and one submission assigned to both reviewers. */
  async reviewScene(options: { reviewersPerSubmission?: number; blindReview?: boolean } = {}) {
    const org = await this.factories.organization();
    const lead = await this.factories.user(org.id, 'HIRING_LEAD');
    const reviewers = [await this.factories.user(org.id, 'REVIEWER'), await this.factories.user(org.id, 'REVIEWER')];
    const version = await this.challengeVersion(org.id);
    const assessment = await this.assessment(org.id, version.id, options);
    const { invitation, submission } = await this.submission(org.id, assessment);
    return { org, lead, reviewers, version, assessment, invitation, submission };
  }
}

export interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps every message, so tests assert on what a mail client would get. */
export async function captureMail(): Promise<{ url: string; messages: CapturedMail[]; close(): Promise<void> }> {
  const { SMTPServer } = await import('smtp-server');
  const messages: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((r) => server.close(() => r())) };
}
