import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

@Injectable()
export class CandidateRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The attempt and its starter files in one transaction: a candidate never sees a started but empty workspace. */
  createAttempt(invitationId: string, runtime: string, deadline: Date, files: Record<string, string>) {
    return this.prisma.client.$transaction(async (tx) => {
      const attempt = await tx.attempt.create({ data: { invitationId, runtime, deadline } });
      await tx.draftFile.createMany({ data: Object.entries(files).map(([path, content]) => ({ attemptId: attempt.id, path, content })) });
      // Playback starts from the starter, so a reviewer sees what the candidate changed from the first save on.
      await tx.draftRevision.createMany({
        data: Object.entries(files).map(([path, content]) => ({ attemptId: attempt.id, path, kind: 'FULL' as const, content, savedAt: attempt.startedAt })),
      });
      return attempt;
    });
  }

  /** What the landing page shows of the challenge: never its files (hidden tests and solutions stay put). */
  challengeSummary(challengeVersionId: string) {
    return this.prisma.client.challengeVersion.findUniqueOrThrow({
      where: { id: challengeVersionId },
      select: { title: true, summary: true, skills: true, manifest: true, rubric: { select: { criteria: { select: { title: true, description: true, weight: true, position: true } } } } },
    });
  }

  prompt(challengeVersionId: string) {
    return this.prisma.client.challengeVersion.findUniqueOrThrow({ where: { id: challengeVersionId }, select: { title: true, promptMarkdown: true, manifest: true } });
  }

  draftFiles(attemptId: string) {
    return this.prisma.client.draftFile.findMany({ where: { attemptId }, orderBy: { path: 'asc' }, select: { path: true, content: true, revision: true } });
  }

  hasSurvey(attemptId: string) {
    return this.prisma.client.surveyResponse.count({ where: { attemptId } }).then((n) => n > 0);
  }

  createSurvey(attemptId: string, data: { minutesSpent: number; difficulty: number; promptClarity: number; comments: string }) {
    return this.prisma.client.surveyResponse.create({ data: { attemptId, ...data } });
  }

  /** Only released feedback is ever read for a candidate; drafts stay invisible by construction. */
  releasedFeedback(attemptId: string) {
    return this.prisma.client.feedback.findFirst({ where: { submission: { attemptId }, releasedAt: { not: null } } });
  }
}
