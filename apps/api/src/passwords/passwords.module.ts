import { Module } from '@nestjs/common';
import { AccountTokensModule } from '../account-tokens/account-tokens.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { PasswordPolicy } from './password-policy';
import { PasswordsController } from './passwords.controller';
import { PasswordsRepository } from './passwords.repository';
import { PasswordsService } from './passwords.service';

@Module({
  imports: [AccountTokensModule, AuditModule, AuthModule, MailModule],
  controllers: [PasswordsController],
  providers: [PasswordPolicy, PasswordsRepository, PasswordsService],
  exports: [PasswordPolicy],
})
export class PasswordsModule {}
