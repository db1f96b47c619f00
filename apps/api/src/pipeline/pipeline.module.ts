import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DEADLINE_QUEUE, DeadlineScheduler } from '../attempts/submission/deadline-scheduler';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AnalyticsService } from './analytics.service';
import { InvitationsController, PipelineAnalyticsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';

/** The hiring lead's candidate pipeline: invitations, their dashboard and export, and analytics. */
@Module({
  // Extending an attempt under way schedules its auto-submit on the candidates' deadline queue.
  imports: [AuditModule, MailModule, WebhooksModule, BullModule.registerQueue({ name: DEADLINE_QUEUE })],
  controllers: [InvitationsController, PipelineAnalyticsController],
  providers: [InvitationsRepository, InvitationsService, AnalyticsService, DeadlineScheduler],
  exports: [InvitationsService],
})
export class PipelineModule {}
