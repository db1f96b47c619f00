import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { ErasureRepository } from './erasure.repository';
import { ErasureService } from './erasure.service';
import { PrivacySettingsController } from './privacy-settings.controller';
import { PrivacyController } from './privacy.controller';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** Candidates' data: erasure on request and after the organization's retention period. */
@Module({
  imports: [AuditModule, MailModule],
  controllers: [PrivacyController, PrivacySettingsController],
  providers: [ErasureRepository, ErasureService, RetentionRepository, RetentionService],
})
export class PrivacyModule {}
