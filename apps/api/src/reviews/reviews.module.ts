import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ReviewAggregatesService } from './review-aggregates.service';
import { ReviewCommentsController } from './review-comments.controller';
import { ReviewCommentsRepository } from './review-comments.repository';
import { ReviewCommentsService } from './review-comments.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [AuditModule, WebhooksModule],
  controllers: [ReviewsController, ReviewCommentsController],
  providers: [ReviewsRepository, ReviewsService, ReviewAggregatesService, ReviewCommentsRepository, ReviewCommentsService],
  exports: [ReviewsRepository, ReviewCommentsService],
})
export class ReviewsModule {}
