import { Module } from '@nestjs/common';
import { SimilarityController } from './similarity.controller';
import { SimilarityRepository } from './similarity.repository';
import { SimilarityService } from './similarity.service';

@Module({
  controllers: [SimilarityController],
  providers: [SimilarityRepository, SimilarityService],
})
export class SimilarityModule {}
