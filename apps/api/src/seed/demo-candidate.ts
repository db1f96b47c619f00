import type { PrismaClient } from '@takehome/db';
import { hashToken, randomToken } from '../common/tokens';

const DEMO_ASSESSMENT = 'Backend engineer (demo)';
const DEMO_CANDIDATE = { name: 'Dana Demo', email: 'candidate@demo.takehome.test' };

/**
 * A live assessment on the URL shortener and a candidate invitation, so a new user can try the candidate side
 * right after `npm start`. Tokens are stored hashed, so a fresh link is issued on every seed: the pending
 * invitation gets a new token, or, once the demo candidate has started, a new invitation is made.
 */
export async function seedDemoCandidate(prisma: PrismaClient, organizationId: string, challengeVersionId: string, publicUrl: string) {
  const assessment =
    (await prisma.assessment.findFirst({ where: { organizationId, name: DEMO_ASSESSMENT } })) ??
    (await prisma.assessment.create({
      data: {
        organizationId,
        challengeVersionId,
        name: DEMO_ASSESSMENT,
        status: 'LIVE',
        timeLimitMinutes: 150,
        runtimes: ['node20', 'python3'],
        launchedAt: new Date(),
      },
    }));
  const token = randomToken();
  const pending = await prisma.invitation.findFirst({
    where: { assessmentId: assessment.id, attempt: null, status: { not: 'REVOKED' } },
    orderBy: { createdAt: 'desc' },
  });
  const expiresAt = new Date(Date.now() + 14 * 86_400_000);
  if (pending) {
    await prisma.invitation.update({ where: { id: pending.id }, data: { tokenHash: hashToken(token), expiresAt } });
  } else {
    const count = await prisma.invitation.count({ where: { assessmentId: assessment.id } });
    const suffix = count === 0 ? '' : `+${count + 1}`;
    await prisma.invitation.create({
      data: {
        organizationId,
        assessmentId: assessment.id,
        candidateName: DEMO_CANDIDATE.name,
        candidateEmail: DEMO_CANDIDATE.email.replace('@', `${suffix}@`),
        pseudonym: `Candidate ${String(count + 1).padStart(3, '0')}`,
        tokenHash: hashToken(token),
        expiresAt,
      },
    });
  }
  return `${publicUrl.replace(/\/$/, '')}/a/${token}`;
}
