import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { QueueName, queuePrefix } from '@takehome/jobs';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { RunEventsService } from './run-events.service';
import { RunQueueService } from './run-queue.service';
import { RunsController } from './runs.controller';
import { RunsRepository } from './runs.repository';
import { StaleRunRequeuer } from './stale-run-requeuer';

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
  ],
  controllers: [RunsController],
  providers: [RunQueueService, RunEventsService, RunsRepository, StaleRunRequeuer],
  exports: [RunQueueService, RunEventsService],
})
export class RunsModule {}
