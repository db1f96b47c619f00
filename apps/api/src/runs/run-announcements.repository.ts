import { Injectable } from '@nestjs/common';
import type { Prisma } from '@takehome/db';
import { PrismaService } from '../database/prisma.service';

const announced = {
  id: true,
  kind: true,
  status: true,
  outcome: true,
  score: true,
  maxScore: true,
  finishedAt: true,
  submission: { select: { id: true, attempt: { select: { invitation: { select: { id: true, organizationId: true, assessmentId: true } } } } } },
} as const satisfies Prisma.RunSelect;

export type AnnouncedRun = Prisma.RunGetPayload<{ select: typeof announced }>;

/** The API side of the grading outbox (RunAnnouncement), which the worker fills. */
@Injectable()
export class RunAnnouncementsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Claims up to `limit` undelivered announcements with FOR UPDATE SKIP LOCKED, hands each run to `deliver`
   * inside the same transaction, and marks them delivered before it commits. Two API processes never claim
   * the same row, and a process dying midway rolls back both its deliveries and its marks, so every stored
   * grade is announced exactly once. Returns whatever `deliver` returned, for the caller to act on after commit.
   */
  deliverPending<T>(limit: number, deliver: (tx: Prisma.TransactionClient, run: AnnouncedRun) => Promise<T[]>): Promise<T[]> {
    return this.prisma.client.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ runId: string }[]>`
        SELECT "runId" FROM "RunAnnouncement" WHERE "deliveredAt" IS NULL ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.runId);
      const out: T[] = [];
      for (const run of await tx.run.findMany({ where: { id: { in: ids } }, select: announced })) out.push(...(await deliver(tx, run)));
      await tx.runAnnouncement.updateMany({ where: { runId: { in: ids } }, data: { deliveredAt: new Date() } });
      return out;
    });
  }
}
