import { Injectable } from '@nestjs/common';
import type { Run } from '@takehome/db';
import { PrismaService } from '../../database/prisma.service';

export type PracticeDecision = { run: Run } | { refused: 'busy' } | { refused: 'rate'; oldestInWindow: Date };

@Injectable()
export class PracticeRunsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Checks both limits and creates the run under the attempt's row lock, so two clicks (or two tabs) at once
   * cannot both pass the "one at a time" check.
   */
  create(input: { attemptId: string; challengeVersionId: string; runtime: string; perHour: number }): Promise<PracticeDecision | null> {
    return this.prisma.client.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "Attempt" WHERE id = ${input.attemptId}::uuid FOR UPDATE`;
      if (rows[0]?.status !== 'IN_PROGRESS') return null;
      const where = { attemptId: input.attemptId, kind: 'PRACTICE' as const };
      if ((await tx.run.count({ where: { ...where, status: { not: 'FINISHED' } } })) > 0) return { refused: 'busy' };
      const windowStart = new Date(Date.now() - 3_600_000);
      const recent = await tx.run.findMany({ where: { ...where, queuedAt: { gt: windowStart } }, orderBy: { queuedAt: 'asc' }, select: { queuedAt: true } });
      if (recent.length >= input.perHour) return { refused: 'rate', oldestInWindow: recent[0].queuedAt };
      const drafts = await tx.draftFile.findMany({ where: { attemptId: input.attemptId }, select: { path: true, content: true } });
      const run = await tx.run.create({
        data: {
          kind: 'PRACTICE',
          attemptId: input.attemptId,
          challengeVersionId: input.challengeVersionId,
          runtime: input.runtime,
          suite: 'visible',
          files: Object.fromEntries(drafts.map((f) => [f.path, f.content])),
        },
      });
      return { run };
    });
  }

  /** Scoped by attempt and kind: a candidate never reaches a grading run, nor anyone else's run. */
  find(attemptId: string, runId: string) {
    return this.prisma.client.run.findFirst({ where: { id: runId, attemptId, kind: 'PRACTICE' } });
  }

  recent(attemptId: string) {
    return this.prisma.client.run.findMany({ where: { attemptId, kind: 'PRACTICE' }, orderBy: { queuedAt: 'desc' }, take: 10 });
  }
}
