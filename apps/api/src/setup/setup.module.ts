import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { SetupController } from './setup.controller';
import { SetupRepository } from './setup.repository';
import { SetupService } from './setup.service';

@Module({ imports: [AuditModule, AuthModule, PasswordsModule], controllers: [SetupController], providers: [SetupRepository, SetupService] })
export class SetupModule {}
