import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { SessionGuard } from './session.guard';

@Module({
  imports: [AuditModule],
  controllers: [AuthController],
  providers: [AuthRepository, AuthService, LoginThrottle, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [AuthService],
})
export class AuthModule {}
