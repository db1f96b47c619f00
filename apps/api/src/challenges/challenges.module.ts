import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ChallengePackages } from './challenge-packages';
import { ChallengesController } from './challenges.controller';
import { ChallengesRepository } from './challenges.repository';
import { ChallengesService } from './challenges.service';

@Module({
  imports: [AuditModule],
  controllers: [ChallengesController],
  providers: [ChallengesRepository, ChallengesService, ChallengePackages],
  exports: [ChallengesService, ChallengePackages],
})
export class ChallengesModule {}
