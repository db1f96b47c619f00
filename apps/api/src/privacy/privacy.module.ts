import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { ErasureRepository } from './erasure.repository';
import { ErasureService } from './erasure.service';
import { PrivacyController } from './privacy.controller';

/** Candidates' data: erasure on request. */
@Module({
  imports: [AuditModule, MailModule],
  controllers: [PrivacyController],
  providers: [ErasureRepository, ErasureService],
})
export class PrivacyModule {}
