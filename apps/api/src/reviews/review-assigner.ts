import { Injectable } from '@nestjs/common';
import type { Prisma } from '@takehome/db';
import { AuditService } from '../audit/audit.service';

export interface ReviewerLoad {
  id: string;
  open: number;
  lastAssignedAt: Date | null;
}

export interface AssignmentOutcome {
  assigned: string[];
  /** Reviewers the assessment asks for that could not be found (fewer eligible reviewers than configured). */
  shortfall: number;
}

/** A review is due the assessment's SLA after it was assigned; the queue and the lead's home both read this. */
export const reviewDueAt = (assignedAt: Date, slaHours: number): Date => new Date(assignedAt.getTime() + slaHours * 3_600_000);

/**
 * Fewest open reviews first; among equals whoever waited longest since their last assignment (never assigned
 * counts as longest), then the id, so the order never depends on the order rows came back in.
 */
export function pickReviewers(pool: ReviewerLoad[], wanted: number, exclude: ReadonlySet<string> = new Set()): string[] {
  const time = (d: Date | null) => d?.getTime() ?? 0;
  return pool
    .filter((r) => !exclude.has(r.id))
    .sort((a, b) => a.open - b.open || time(a.lastAssignedAt) - time(b.lastAssignedAt) || a.id.localeCompare(b.id))
    .slice(0, Math.max(0, wanted))
    .map((r) => r.id);
}

/**
 * Assigns a submission to its assessment's reviewers, inside the caller's transaction: the submit that creates
 * the submission assigns it in the same commit, so a crash leaves either both or neither, and the attempt's
 * compare-and-set (submissions.repository.ts) makes it once per submission. Balancing reads every reviewer's
 * open load, so assignments in one organization are serialized by a transaction-scoped advisory lock: two
 * submissions committed at the same moment cannot both see the same reviewer as least loaded.
 */
@Injectable()
export class ReviewAssigner {
  constructor(private readonly audit: AuditService) {}

  async assignIn(tx: Prisma.TransactionClient, submissionId: string, actorId: string | null = null): Promise<AssignmentOutcome> {
    const submission = await tx.submission.findUniqueOrThrow({
      where: { id: submissionId },
      select: {
        assignments: { select: { reviewerId: true } },
        attempt: { select: { invitation: { select: { organizationId: true, assessment: { select: { id: true, reviewersPerSubmission: true } } } } } },
      },
    });
    const { organizationId, assessment } = submission.attempt.invitation;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`review-assign:${organizationId}`}, 0))`;
    const already = new Set(submission.assignments.map((a) => a.reviewerId));
    const wanted = Math.max(0, assessment.reviewersPerSubmission - already.size);
    const pool = await this.eligible(tx, organizationId, assessment.id);
    const assigned = pickReviewers(pool, wanted, already);
    if (assigned.length) {
      await tx.reviewAssignment.createMany({ data: assigned.map((reviewerId) => ({ submissionId, reviewerId })), skipDuplicates: true });
    }
    for (const reviewerId of assigned) {
      await this.audit.recordIn(tx, organizationId, actorId, 'review.assigned', { type: 'Submission', id: submissionId }, { reviewerId, mode: 'automatic' });
    }
    return { assigned, shortfall: wanted - assigned.length };
  }

  /**
   * The assessment's listed reviewers who are still active members of its organization; with none listed, every
   * active REVIEWER of the organization. Leads and admins review only when listed: they are not a queue's default.
   */
  private async eligible(tx: Prisma.TransactionClient, organizationId: string, assessmentId: string): Promise<ReviewerLoad[]> {
    const listed = await tx.assessmentReviewer.count({ where: { assessmentId } });
    return tx.$queryRaw<ReviewerLoad[]>`
      SELECT u.id::text AS id,
             count(ra.id) FILTER (WHERE r.id IS NULL)::int AS open,
             max(ra."assignedAt") AS "lastAssignedAt"
      FROM "User" u
      LEFT JOIN "ReviewAssignment" ra ON ra."reviewerId" = u.id
      LEFT JOIN "Review" r ON r."submissionId" = ra."submissionId" AND r."reviewerId" = u.id AND r.status = 'SUBMITTED'
      WHERE u."organizationId" = ${organizationId}::uuid
        AND u."disabledAt" IS NULL
        AND CASE WHEN ${listed > 0}::boolean
                 THEN u.id IN (SELECT "userId" FROM "AssessmentReviewer" WHERE "assessmentId" = ${assessmentId}::uuid)
                 ELSE u.role = 'REVIEWER' END
      GROUP BY u.id`;
  }
}
