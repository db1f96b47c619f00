import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuditQuery, auditEventView, auditQuery, type SessionUser } from '@takehome/contracts';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: "The organization's recorded decisions, oldest first; optionally for one subject" })
  @ApiOkResponse({ schema: openApiSchema(z.array(auditEventView)) })
  list(@CurrentUser() user: SessionUser, @Query(new ZodPipe(auditQuery)) query: AuditQuery) {
    return this.audit.view(user.organization.id, query.subjectId);
  }
}
