import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { QueueName, queuePrefix } from '@takehome/jobs';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { RunAnnouncementsRepository } from './run-announcements.repository';
import { RunAnnouncer } from './run-announcer';
import { RunEventsService } from './run-events.service';
import { RunQueueService } from './run-queue.service';
import { RunsController } from './runs.controller';
import { RunsRepository } from './runs.repository';
import { RunsService } from './runs.service';
import { StaleRunRequeuer } from './stale-run-requeuer';

/** Runs and their results: created, dispatched, read, streamed and announced only through this module. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: queuePrefix(config.DATABASE_URL, config.QUEUE_PREFIX),
      }),
    }),
    BullModule.registerQueue({ name: QueueName.Grading }, { name: QueueName.Practice }),
    WebhooksModule,
  ],
  controllers: [RunsController],
  providers: [RunQueueService, RunEventsService, RunsRepository, RunsService, StaleRunRequeuer, RunAnnouncementsRepository, RunAnnouncer],
  exports: [RunsService, RunsRepository],
})
export class RunsModule {}
