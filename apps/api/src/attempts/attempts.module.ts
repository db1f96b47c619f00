import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CandidateSessionsModule } from '../candidate-sessions/candidate-sessions.module';
import { ChallengesModule } from '../challenges/challenges.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { CandidateExportService } from './candidate/candidate-export';
import { CandidateSessionGuard } from './candidate/candidate-session.guard';
import { CandidateController } from './candidate/candidate.controller';
import { CandidateRepository } from './candidate/candidate.repository';
import { CandidateService } from './candidate/candidate.service';
import { AutosaveSessionGuard } from './drafts/autosave-session.guard';
import { DraftsController } from './drafts/drafts.controller';
import { DraftsRepository } from './drafts/drafts.repository';
import { DraftsService } from './drafts/drafts.service';
import { PracticeRunsController } from './practice/practice-runs.controller';
import { PracticeRunsService } from './practice/practice-runs.service';
import { AutoSubmitProcessor } from './submission/auto-submit.processor';
import { DEADLINE_QUEUE, DeadlineScheduler } from './submission/deadline-scheduler';
import { DeadlineSweeper } from './submission/deadline-sweeper';
import { SubmissionsRepository } from './submission/submissions.repository';
import { SubmissionsService } from './submission/submissions.service';
import { OwnTestsService } from './workbench/own-tests.service';
import { VisibleTestCodeService } from './workbench/visible-test-code.service';
import { WorkbenchController } from './workbench/workbench.controller';
import { LiveSandboxController } from './workbench/live-sandbox.controller';
import { ServiceConsoleService } from './workbench/service-console.service';
import { TerminalService } from './workbench/terminal.service';
import { WorkbenchRelayClient } from './workbench/workbench-relay.client';

/** The candidate's attempt: landing, workspace drafts, practice runs, submission, survey and feedback. */
@Module({
  imports: [AuditModule, CandidateSessionsModule, ChallengesModule, ReviewsModule, WebhooksModule, BullModule.registerQueue({ name: DEADLINE_QUEUE })],
  controllers: [CandidateController, DraftsController, PracticeRunsController, WorkbenchController, LiveSandboxController],
  providers: [
    CandidateSessionGuard,
    AutosaveSessionGuard,
    CandidateRepository,
    CandidateService,
    CandidateExportService,
    DraftsRepository,
    DraftsService,
    PracticeRunsService,
    SubmissionsRepository,
    SubmissionsService,
    DeadlineScheduler,
    DeadlineSweeper,
    AutoSubmitProcessor,
    OwnTestsService,
    VisibleTestCodeService,
    WorkbenchRelayClient,
    ServiceConsoleService,
    TerminalService,
  ],
})
export class AttemptsModule {}
