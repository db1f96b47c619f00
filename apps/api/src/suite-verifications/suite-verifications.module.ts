import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@takehome/jobs';
import { AuditModule } from '../audit/audit.module';
import { SuiteVerificationQueue } from './suite-verification-queue';
import { SuiteVerificationsController } from './suite-verifications.controller';
import { SuiteVerificationsRepository } from './suite-verifications.repository';
import { SuiteVerificationsService } from './suite-verifications.service';

/** Server-side proof of a challenge version's suites (reference and mutants), run by the worker. */
@Module({
  imports: [AuditModule, BullModule.registerQueue({ name: QueueName.Verification })],
  controllers: [SuiteVerificationsController],
  providers: [SuiteVerificationsRepository, SuiteVerificationsService, SuiteVerificationQueue],
})
export class SuiteVerificationsModule {}
