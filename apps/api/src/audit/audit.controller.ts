import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { auditActorView, auditChainCheck, type AuditFilters, auditFilters, auditPage, type AuditQuery, auditQuery, type SessionUser } from '@takehome/contracts';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { auditExportFileName } from './audit-views';
import { AuditService } from './audit.service';

/**
 * Admins only. The trail records what hiring leads do too (their sign-ins and addresses, the candidates whose
 * identity they opened, their exports), so the people it watches are not its readers; leads keep the pipeline
 * and review pages for their own candidates. The page lives in the admin's settings.
 */
@ApiTags('audit')
@ApiCookieAuth()
@Roles('ADMIN')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first, filtered; pass nextCursor as cursor for older events' })
  @ApiOkResponse({ schema: openApiSchema(auditPage) })
  list(@CurrentUser() user: SessionUser, @Query(new ZodPipe(auditQuery)) query: AuditQuery) {
    return this.audit.list(user.organization.id, query);
  }

  @Get('export.csv')
  @ApiOperation({ summary: 'The filtered trail as a CSV file, newest first (the export is itself recorded)' })
  @ApiProduces('text/csv')
  async export(@CurrentUser() user: SessionUser, @Query(new ZodPipe(auditFilters)) filters: AuditFilters, @Res({ passthrough: true }) res: Response) {
    const chunks = this.audit.exportCsv(user.organization.id, user.id, filters);
    // The first chunk (and the export's own event) before the headers go out, so a failure is still a 4xx/5xx.
    const first = await chunks.next();
    res.attachment(auditExportFileName()).type('text/csv; charset=utf-8').setHeader('Cache-Control', 'no-store');
    return new StreamableFile(Readable.from((async function* () {
      if (!first.done) yield first.value;
      yield* chunks;
    })()));
  }

  @Get('verify')
  @ApiOperation({ summary: "Checks the organization's hash chain: how many events, and the first that does not fit" })
  @ApiOkResponse({ schema: openApiSchema(auditChainCheck) })
  verify(@CurrentUser() user: SessionUser) {
    return this.audit.verify(user.organization.id);
  }

  @Get('actors')
  @ApiOperation({ summary: 'Team members, to filter the trail by actor' })
  @ApiOkResponse({ schema: openApiSchema(z.array(auditActorView)) })
  actors(@CurrentUser() user: SessionUser) {
    return this.audit.actors(user.organization.id);
  }
}
