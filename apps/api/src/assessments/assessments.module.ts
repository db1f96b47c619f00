import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ChallengesModule } from '../challenges/challenges.module';
import { PilotsModule } from '../pilots/pilots.module';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsRepository } from './assessments.repository';
import { AssessmentsService } from './assessments.service';

@Module({
  // Starting a pilot verifies the challenge's reference solution; launching freezes the pilot's baseline.
  imports: [AuditModule, ChallengesModule, PilotsModule],
  controllers: [AssessmentsController],
  providers: [AssessmentsRepository, AssessmentsService],
  exports: [AssessmentsService],
})
export class AssessmentsModule {}
