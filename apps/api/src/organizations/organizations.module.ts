import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { AuditModule } from '../audit/audit.module';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysService } from './api-keys.service';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { PublicApiController } from './public-api.controller';

@Module({
  imports: [AssessmentsModule, AuditModule],
  controllers: [OrganizationsController, PublicApiController],
  providers: [OrganizationsRepository, ApiKeysService, ApiKeyGuard],
})
export class OrganizationsModule {}
