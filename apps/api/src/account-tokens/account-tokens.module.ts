import { Module } from '@nestjs/common';
import { AccountTokensController } from './account-tokens.controller';
import { AccountTokensRepository } from './account-tokens.repository';
import { AccountTokensService } from './account-tokens.service';

@Module({ controllers: [AccountTokensController], providers: [AccountTokensRepository, AccountTokensService], exports: [AccountTokensService] })
export class AccountTokensModule {}
