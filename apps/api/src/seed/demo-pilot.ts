import type { ChallengePackage } from '@takehome/challenge';
import type { PrismaClient } from '@takehome/db';
import { randomUUID } from 'node:crypto';
import { submissionHash } from '../attempts/submission/submission-hash';
import { hashToken, randomToken } from '../common/tokens';

export const DEMO_PILOT = 'Backend engineer (pilot demo)';
const MIN = 60_000;
const LIMIT_MINUTES = 120;

interface DemoTaker {
  name: string;
  email: string;
  /** Null: invited, not started yet. */
  minutes: number | null;
  automatic?: boolean;
  files?: Record<string, string>;
  /** One list of levels (one per criterion, repeated if short) per reviewer. */
  levels?: number[][];
  survey?: { minutesSpent: number; difficulty: number; promptClarity: number; comments: string };
}

/**
 * A pilot under way, so a new hiring lead can read a real pilot report right after `npm start`: three
 * teammates submitted (two forgot persistence and one ran out of time, so the persistence test is flagged),
 * two reviewers scored them and they answered the survey. Their grading runs and the reference verification are stored as queued runs, which the
 * API's sweep hands to the worker: the report fills in with real sandbox results a minute after start.
 * Created once; a later seed leaves it as the lead left it.
 */
export async function seedDemoPilot(prisma: PrismaClient, organizationId: string, challengeVersionId: string, pkg: ChallengePackage): Promise<boolean> {
  // All or nothing: a seed that failed halfway would otherwise leave a half-built pilot that later seeds skip.
  return prisma.$transaction(
    async (tx) => {
      if (await tx.assessment.findFirst({ where: { organizationId, name: DEMO_PILOT } })) return false;
      const solution = pkg.solutions.node20 ?? {};
      const replay = 'if (!fs.existsSync(this.file)) return;';
      const forgetful = { ...solution, 'store.js': (solution['store.js'] ?? '').replace(replay, 'return; // TODO: replay the journal') };
      const unfinished = { ...(pkg.starter.node20 ?? {}), 'server.js': (solution['server.js'] ?? '').slice(0, 1200) };
      const takers: DemoTaker[] = [
        {
          name: 'Priya Patel', email: 'priya.pilot@demo.takehome.test', minutes: 97, files: forgetful,
          levels: [[3, 2, 3, 2, 3], [3, 2, 3, 3, 3]],
          survey: { minutesSpent: 105, difficulty: 3, promptClarity: 4, comments: 'Clear prompt. I left persistence for last and ran short.' },
        },
        {
          name: 'Tom Okafor', email: 'tom.pilot@demo.takehome.test', minutes: 116, files: forgetful,
          levels: [[4, 4, 3, 3, 4], [4, 3, 3, 2, 4]],
          survey: { minutesSpent: 125, difficulty: 4, promptClarity: 4, comments: 'Tight but doable. I missed that links must survive a restart.' },
        },
        {
          name: 'Mei Chen', email: 'mei.pilot@demo.takehome.test', minutes: LIMIT_MINUTES, automatic: true, files: unfinished,
          levels: [[2, 1, 2, 1, 2], [1, 1, 2, 1, 2]],
          survey: { minutesSpent: 120, difficulty: 5, promptClarity: 3, comments: 'Two hours was not enough for me.' },
        },
        { name: 'Sam Rivera', email: 'sam.pilot@demo.takehome.test', minutes: null },
      ];

      const reviewers = await tx.user.findMany({ where: { organizationId, role: 'REVIEWER' }, orderBy: { email: 'asc' }, take: 2 });
      const criteria = await tx.rubricCriterion.findMany({ where: { rubric: { challengeVersionId } }, orderBy: { position: 'asc' } });
      const now = Date.now();
      const assessment = await tx.assessment.create({
        data: { organizationId, challengeVersionId, name: DEMO_PILOT, status: 'PILOT', timeLimitMinutes: LIMIT_MINUTES, runtimes: pkg.manifest.runtimes },
      });
      // Old enough that the API's sweep of stored-but-unqueued runs picks them up at its first pass.
      const queuedAt = new Date(now - 10 * MIN);

      for (const [i, taker] of takers.entries()) {
        const invitedAt = new Date(now - (3 * 24 * 60 - i * 30) * MIN);
        const invitation = await tx.invitation.create({
          data: {
            organizationId,
            assessmentId: assessment.id,
            kind: 'PILOT',
            status: taker.minutes === null ? 'PENDING' : 'OPENED',
            candidateName: taker.name,
            candidateEmail: taker.email,
            pseudonym: `Pilot ${String(i + 1).padStart(3, '0')}`,
            tokenHash: hashToken(randomToken()),
            expiresAt: new Date(now + 7 * 24 * 60 * MIN),
            sentAt: invitedAt,
            sendCount: 1,
            createdAt: invitedAt,
          },
        });
        if (taker.minutes === null || !taker.files) continue;
        // By path, as a submission's files are hashed.
        const files = taker.files;
        const drafts = Object.keys(files)
          .sort()
          .map((path) => ({ path, content: files[path] }));
        const startedAt = new Date(invitedAt.getTime() + 24 * 60 * MIN);
        const submittedAt = new Date(startedAt.getTime() + taker.minutes * MIN);
        const attempt = await tx.attempt.create({
          data: {
            invitationId: invitation.id,
            runtime: 'node20',
            status: taker.automatic ? 'EXPIRED_SUBMITTED' : 'SUBMITTED',
            startedAt,
            deadline: new Date(startedAt.getTime() + LIMIT_MINUTES * MIN),
            submittedAt,
            files: { create: drafts },
          },
        });
        const submission = await tx.submission.create({
          data: { attemptId: attempt.id, files: taker.files, contentHash: submissionHash(drafts), automatic: taker.automatic ?? false, createdAt: submittedAt },
        });
        await tx.run.create({ data: { kind: 'GRADING', submissionId: submission.id, challengeVersionId, runtime: 'node20', suite: 'all', files: taker.files, queuedAt } });
        if (taker.survey) await tx.surveyResponse.create({ data: { attemptId: attempt.id, ...taker.survey, createdAt: submittedAt } });
        for (const [r, reviewer] of reviewers.entries()) {
          const levels = taker.levels?.[r];
          if (!levels) continue;
          await tx.reviewAssignment.create({ data: { submissionId: submission.id, reviewerId: reviewer.id } });
          await tx.review.create({
            data: {
              id: randomUUID(),
              submissionId: submission.id,
              reviewerId: reviewer.id,
              status: 'SUBMITTED',
              recommendation: levels.reduce((a, b) => a + b, 0) / levels.length >= 2.5 ? 'YES' : 'NO',
              summary: 'Scored against the anchors during the pilot.',
              submittedAt: new Date(submittedAt.getTime() + (r + 3) * 60 * MIN),
              scores: { create: criteria.map((c, k) => ({ criterionId: c.id, level: levels[k % levels.length] })) },
            },
          });
        }
      }

      // What the reference solutions score, for the report's "Reference" column.
      if ((await tx.run.count({ where: { challengeVersionId, kind: 'VERIFICATION' } })) === 0) {
        for (const runtime of pkg.manifest.runtimes) {
          await tx.run.create({ data: { kind: 'VERIFICATION', challengeVersionId, runtime, suite: 'all', files: pkg.solutions[runtime] ?? {}, queuedAt } });
        }
      }
      return true;
    },
    { timeout: 60_000 },
  );
}
