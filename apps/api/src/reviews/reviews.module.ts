import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ReviewAggregatesService } from './review-aggregates.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [AuditModule, WebhooksModule],
  controllers: [ReviewsController],
  providers: [ReviewsRepository, ReviewsService, ReviewAggregatesService],
  exports: [ReviewsRepository],
})
export class ReviewsModule {}
