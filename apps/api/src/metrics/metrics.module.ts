import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@takehome/jobs';
import { AuthModule } from '../auth/auth.module';
import { ApiMetrics } from './api-metrics';
import { MetricsController } from './metrics.controller';
import { OperatorAccessCheck } from './operator-access';
import { OperatorQueues } from './operator-queues';

/** What operators watch: Prometheus metrics and the queue dashboard (mounted in bootstrap). */
@Module({
  imports: [AuthModule, BullModule.registerQueue({ name: QueueName.Grading }, { name: QueueName.Practice }, { name: QueueName.Verification })],
  controllers: [MetricsController],
  providers: [ApiMetrics, OperatorAccessCheck, OperatorQueues],
  exports: [ApiMetrics, OperatorAccessCheck, OperatorQueues],
})
export class MetricsModule {}
