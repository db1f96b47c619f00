import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SimilarityFlagsController } from './similarity-flags.controller';
import { SimilarityFlagsService } from './similarity-flags.service';
import { SimilarityController } from './similarity.controller';
import { SimilarityRepository } from './similarity.repository';
import { SimilarityService } from './similarity.service';

@Module({
  imports: [AuditModule],
  controllers: [SimilarityController, SimilarityFlagsController],
  providers: [SimilarityRepository, SimilarityService, SimilarityFlagsService],
})
export class SimilarityModule {}
