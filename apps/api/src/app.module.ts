import { type DynamicModule, Module } from '@nestjs/common';
import { AssessmentsModule } from './assessments/assessments.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ChallengesModule } from './challenges/challenges.module';
import { AuthModule } from './auth/auth.module';
import { RunsModule } from './runs/runs.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { API_CONFIG, type ApiConfig } from './config/api-config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { InfraModule } from './infra/infra.module';
import { ReviewsModule } from './reviews/reviews.module';
import { FeedbackModule } from './feedback/feedback.module';
import { SimilarityModule } from './similarity/similarity.module';
import { InvitationsModule } from './invitations/invitations.module';
import { AttemptsModule } from './attempts/attempts.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { SsoModule } from './sso/sso.module';
import { AccountTokensModule } from './account-tokens/account-tokens.module';
import { MembersModule } from './members/members.module';
import { PasswordsModule } from './passwords/passwords.module';
import { SetupModule } from './setup/setup.module';

@Module({})
export class AppModule {
  /** The config is loaded once in main (or by a test) and handed in, so a test can boot with its own. */
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [DatabaseModule, InfraModule, RunsModule, AuthModule, HealthModule, WebhooksModule, AssessmentsModule, OrganizationsModule, ChallengesModule, ReviewsModule, SimilarityModule, FeedbackModule, InvitationsModule, AttemptsModule, PipelineModule, AccountTokensModule, SetupModule, MembersModule, PasswordsModule, SsoModule],
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG],
    };
  }
}
