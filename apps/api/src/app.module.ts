import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
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
import { HomeModule } from './home/home.module';
import { FeedbackModule } from './feedback/feedback.module';
import { SimilarityModule } from './similarity/similarity.module';
import { CandidateSessionsModule } from './candidate-sessions/candidate-sessions.module';
import { AttemptsModule } from './attempts/attempts.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { SsoModule } from './sso/sso.module';
import { AccountTokensModule } from './account-tokens/account-tokens.module';
import { MembersModule } from './members/members.module';
import { PasswordsModule } from './passwords/passwords.module';
import { SetupModule } from './setup/setup.module';
import { PrivacyModule } from './privacy/privacy.module';
import { MetricsModule } from './metrics/metrics.module';
import { SuiteVerificationsModule } from './suite-verifications/suite-verifications.module';
import { requestLogLevel } from './common/request-log-level';

@Module({})
export class AppModule {
  /**
   * The config and the logger are made once in main (or by a test) and handed in, so a test can boot with its
   * own. nestjs-pino logs each request (pino-http) and serves Nest's Logger, so `logger.warn({ runId }, 'msg')`
   * keeps its fields in the JSON line.
   */
  static forRoot(config: ApiConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { logger, customLogLevel: requestLogLevel, autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' } },
        }),
        DatabaseModule, InfraModule, RunsModule, AuthModule, HealthModule, WebhooksModule, AssessmentsModule, OrganizationsModule, ChallengesModule, ReviewsModule, HomeModule, SimilarityModule, FeedbackModule, CandidateSessionsModule, AttemptsModule, PipelineModule,
        AccountTokensModule, SetupModule, MembersModule, PasswordsModule, SsoModule, PrivacyModule, MetricsModule, SuiteVerificationsModule],
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG],
    };
  }
}
