import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ReviewAssigner } from './review-assigner';
import { ReviewAggregatesService } from './review-aggregates.service';
import { ReviewCommentsController } from './review-comments.controller';
import { ReviewCommentsRepository } from './review-comments.repository';
import { ReviewCommentsService } from './review-comments.service';
import { ReviewPlaybackController } from './review-playback.controller';
import { ReviewPlaybackRepository } from './review-playback.repository';
import { ReviewPlaybackService } from './review-playback.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [AuditModule, WebhooksModule],
  controllers: [ReviewsController, ReviewCommentsController, ReviewPlaybackController],
  providers: [ReviewAssigner, ReviewsRepository, ReviewsService, ReviewAggregatesService, ReviewCommentsRepository, ReviewCommentsService, ReviewPlaybackRepository, ReviewPlaybackService],
  exports: [ReviewAssigner, ReviewsRepository, ReviewCommentsService],
})
export class ReviewsModule {}
