import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ApiMetrics } from './api-metrics';
import { MetricsController } from './metrics.controller';
import { OperatorAccessCheck } from './operator-access';

/** What operators watch: Prometheus metrics and the queue dashboard (mounted in bootstrap). */
@Module({
  imports: [AuthModule],
  controllers: [MetricsController],
  providers: [ApiMetrics, OperatorAccessCheck],
  exports: [ApiMetrics, OperatorAccessCheck],
})
export class MetricsModule {}
