import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { OidcClient } from './oidc-client';
import { SsoRepository } from './sso.repository';
import { SsoFlowStore } from './sso-flow-store';
import { SsoSecrets } from './sso-secrets';
import { SsoSettingsController } from './sso-settings.controller';
import { SsoSettingsService } from './sso-settings.service';
import { SsoSignInController } from './sso-sign-in.controller';
import { SsoSignInService } from './sso-sign-in.service';

/** Company sign-in: each organization's OpenID Connect provider, its settings and the sign-in flow. */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [SsoSettingsController, SsoSignInController],
  providers: [SsoRepository, SsoSecrets, OidcClient, SsoFlowStore, SsoSettingsService, SsoSignInService],
})
export class SsoModule {}
