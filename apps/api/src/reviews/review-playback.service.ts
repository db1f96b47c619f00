import { Injectable, NotFoundException } from '@nestjs/common';
import type { SessionUser, SubmissionPlayback } from '@takehome/contracts';
import { MAX_REVISIONS_PER_ATTEMPT, replay } from '../attempts/drafts/draft-history';
import { RunsRepository } from '../runs/runs.repository';
import { ReviewPlaybackRepository } from './review-playback.repository';
import { ReviewsRepository } from './reviews.repository';

/**
 * Rebuilds an attempt's autosave history for its assigned reviewers. Reconstruction happens here, once, so the
 * page only scrubs through ready texts; the stored form stays compact (patches between full copies).
 */
@Injectable()
export class ReviewPlaybackService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly history: ReviewPlaybackRepository,
    private readonly runs: RunsRepository,
  ) {}

  async playback(user: SessionUser, submissionId: string): Promise<SubmissionPlayback> {
    const submission = await this.reviews.findSubmission(user.organization.id, submissionId);
    if (!submission || !submission.assignments.some((a) => a.reviewerId === user.id)) {
      throw new NotFoundException('No such submission in your review queue.');
    }
    const { attempt } = submission;
    const [revisions, runs] = await Promise.all([
      this.history.revisions(attempt.id),
      this.runs.practiceHistory(attempt.id),
    ]);
    const submittedAt = attempt.submittedAt ?? submission.createdAt;
    return {
      startedAt: attempt.startedAt.toISOString(),
      submittedAt: submittedAt.toISOString(),
      minutesTaken: Math.round((submittedAt.getTime() - attempt.startedAt.getTime()) / 60_000),
      capped: revisions.length >= MAX_REVISIONS_PER_ATTEMPT,
      files: replay(revisions).map((f) => ({ path: f.path, points: f.points.map((p) => ({ ...p, savedAt: p.savedAt.toISOString() })) })),
      practiceRuns: runs.map((r) => ({ queuedAt: r.queuedAt.toISOString(), outcome: r.outcome, score: r.score, maxScore: r.maxScore })),
    };
  }
}
