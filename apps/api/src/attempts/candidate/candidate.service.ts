import { BadRequestException, ConflictException, GoneException, Injectable } from '@nestjs/common';
import type { Runtime } from '@takehome/challenge';
import { type CandidateFeedback, type CandidateOverview, type CandidateWorkspace, challengeServices, type SurveyRequest } from '@takehome/contracts';
import { Prisma } from '@takehome/db';
import { readRunTests } from '../../runs/run-results';
import { RunsRepository } from '../../runs/runs.repository';
import { ChallengePackages } from '../../challenges/challenge-packages';
import { writesCloseAt } from '../attempt-deadline';
import { DeadlineScheduler } from '../submission/deadline-scheduler';
import { SubmissionsService } from '../submission/submissions.service';
import type { CandidateInvitation } from './candidate-context';
import { CandidateRepository } from './candidate.repository';
import { toCandidateAttempt, toCandidateFeedback, toOverview } from './candidate-views';

@Injectable()
export class CandidateService {
  constructor(
    private readonly repository: CandidateRepository,
    private readonly scheduler: DeadlineScheduler,
    private readonly runs: RunsRepository,
    private readonly packages: ChallengePackages,
    private readonly submissions: SubmissionsService,
  ) {}

  async overview(current: CandidateInvitation): Promise<CandidateOverview> {
    const invitation = await this.submissions.enforceDeadline(current);
    const attempt = invitation.attempt;
    const submitted = attempt !== null && attempt.status !== 'IN_PROGRESS';
    return toOverview(invitation, await this.repository.challengeSummary(invitation.assessment.challengeVersionId), {
      surveyAnswered: submitted ? await this.repository.hasSurvey(attempt.id) : false,
      feedbackReleased: submitted ? (await this.repository.releasedFeedback(attempt.id)) !== null : false,
    });
  }

  /** Starts the clock on the server: deadline = now + the assessment's limit + this candidate's accommodation. */
  async start(invitation: CandidateInvitation, runtime: string): Promise<CandidateOverview> {
    if (invitation.attempt) throw new ConflictException({ message: 'You already started this assessment.', code: 'already_started' });
    const { assessment } = invitation;
    if (assessment.status === 'CLOSED' || assessment.status === 'DRAFT') {
      throw new GoneException({ message: 'This assessment is not open any more. Contact the team that invited you.', code: 'closed' });
    }
    if (invitation.expiresAt.getTime() <= Date.now()) {
      throw new GoneException({ message: 'This invitation expired before the assessment was started.', code: 'expired' });
    }
    if (!assessment.runtimes.includes(runtime)) {
      throw new BadRequestException({ message: `runtime: choose one of ${assessment.runtimes.join(', ')}`, issues: [{ path: 'runtime', message: 'not offered' }] });
    }
    const starter = (await this.packages.get(assessment.challengeVersionId)).starter[runtime as Runtime] ?? {};
    const deadline = new Date(Date.now() + (assessment.timeLimitMinutes + invitation.accommodationMinutes) * 60_000);
    try {
      const attempt = await this.repository.createAttempt(invitation.id, runtime, deadline, starter);
      await this.scheduler.schedule(attempt.id, writesCloseAt(deadline, assessment.graceSeconds));
      const summary = await this.repository.challengeSummary(assessment.challengeVersionId);
      return toOverview({ ...invitation, attempt: { ...attempt, submission: null } }, summary, { surveyAnswered: false, feedbackReleased: false });
    } catch (error) {
      // Two tabs pressing Start at once: the unique invitationId lets exactly one attempt exist.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictException({ message: 'You already started this assessment.', code: 'already_started' });
      }
      throw error;
    }
  }

  async workspace(current: CandidateInvitation): Promise<CandidateWorkspace> {
    const invitation = await this.submissions.enforceDeadline(current);
    const attempt = toCandidateAttempt(invitation);
    if (!attempt || !invitation.attempt) throw new ConflictException({ message: 'Start the assessment first.', code: 'not_started' });
    const { title, promptMarkdown, manifest } = await this.repository.prompt(invitation.assessment.challengeVersionId);
    return {
      attempt,
      title,
      promptMarkdown,
      services: challengeServices(manifest),
      files: await this.repository.draftFiles(invitation.attempt.id),
      serverTime: new Date().toISOString(),
    };
  }

  async survey(current: CandidateInvitation, body: SurveyRequest): Promise<void> {
    const attempt = (await this.submissions.enforceDeadline(current)).attempt;
    if (!attempt || attempt.status === 'IN_PROGRESS') {
      throw new ConflictException({ message: 'The survey opens once your work is submitted.', code: 'not_submitted' });
    }
    try {
      await this.repository.createSurvey(attempt.id, body);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictException({ message: 'You already answered the survey. Thank you!', code: 'survey_answered' });
      }
      throw error;
    }
  }

  async feedback(current: CandidateInvitation): Promise<CandidateFeedback> {
    const attempt = (await this.submissions.enforceDeadline(current)).attempt;
    if (!attempt || attempt.status === 'IN_PROGRESS') return { released: false };
    const feedback = await this.repository.releasedFeedback(attempt.id);
    if (!feedback) return { released: false };
    const grade = await this.runs.gradeOfAttempt(attempt.id);
    return toCandidateFeedback(feedback, grade ? readRunTests(grade.tests) : null);
  }
}
