import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  assessmentAnalytics,
  type CreateInvitationRequest,
  createInvitationRequest,
  csvImportResult,
  type ExtendInvitationRequest,
  extendInvitationRequest,
  invitationKind,
  issuedInvitationView,
  pipelineQuery,
  type PipelineQuery,
  pipelineRow,
  type SessionUser,
} from '@takehome/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { AnalyticsService } from './analytics.service';
import { CSV_UPLOAD_LIMIT, csvUploadText } from './csv-upload';
import { InvitationsService } from './invitations.service';
import { exportFileName, pipelineCsv } from './pipeline-export';

const analyticsQuery = z.object({ kind: invitationKind.default('CANDIDATE') });

@ApiTags('pipeline')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD')
@Controller('assessments/:id/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @ApiOperation({ summary: "The pipeline dashboard: every invitee's stage and results, newest first" })
  @ApiOkResponse({ schema: openApiSchema(z.array(pipelineRow)) })
  async list(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Query(new ZodPipe(pipelineQuery)) query: PipelineQuery) {
    return (await this.invitations.rowsFor(user, id, query, 'pipeline')).rows;
  }

  @Get('export.csv')
  @ApiOperation({ summary: 'The dashboard rows with their results as a CSV file (same filters)' })
  @ApiProduces('text/csv')
  async export(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query(new ZodPipe(pipelineQuery)) query: PipelineQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { assessment, rows } = await this.invitations.rowsFor(user, id, query, 'pipeline-export');
    res.attachment(exportFileName(assessment.name)).type('text/csv; charset=utf-8').setHeader('Cache-Control', 'no-store');
    return pipelineCsv(rows);
  }

  @Post()
  @ApiOperation({ summary: 'Invite one person (a teammate while piloting, a candidate once live); the link is shown once' })
  @ApiCreatedResponse({ schema: openApiSchema(issuedInvitationView) })
  create(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(createInvitationRequest)) body: CreateInvitationRequest) {
    return this.invitations.create(user, id, body);
  }

  @Post('import')
  @HttpCode(200)
  // Guards run before interceptors, so only a signed-in lead's upload is ever buffered (in memory, capped).
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: CSV_UPLOAD_LIMIT, files: 1, fields: 0, parts: 1 } }))
  @ApiOperation({ summary: 'Invite everyone in a CSV (name, email, accommodation_minutes); bad rows are reported by line' })
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({ description: 'A form with the CSV in `file`, or the CSV itself as the body', schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ schema: openApiSchema(csvImportResult) })
  async import(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: { buffer: Buffer } | undefined, @Req() req: Request) {
    return this.invitations.importCsv(user, id, await csvUploadText(req, file));
  }

  @Post(':invitationId/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Email a new link (the previous one stops working); an expired, unstarted invitation gets 7 more days' })
  @ApiOkResponse({ schema: openApiSchema(issuedInvitationView) })
  resend(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Param('invitationId', ParseUUIDPipe) invitationId: string) {
    return this.invitations.resend(user, id, invitationId);
  }

  @Post(':invitationId/extend')
  @HttpCode(200)
  @ApiOperation({ summary: "Push the link's expiry later and/or give extra minutes (moving a running attempt's deadline)" })
  @ApiOkResponse({ schema: openApiSchema(pipelineRow) })
  extend(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
    @Body(new ZodPipe(extendInvitationRequest)) body: ExtendInvitationRequest,
  ) {
    return this.invitations.extend(user, id, invitationId, body);
  }

  @Post(':invitationId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: "Withdraw an invitation: the link and the invitee's open sessions stop working" })
  @ApiOkResponse({ schema: openApiSchema(pipelineRow) })
  revoke(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Param('invitationId', ParseUUIDPipe) invitationId: string) {
    return this.invitations.revoke(user, id, invitationId);
  }
}

@ApiTags('pipeline')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD')
@Controller('assessments/:id/analytics')
export class PipelineAnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get()
  @ApiOperation({ summary: 'Completion, drop-off by stage, time to feedback and score distributions (candidates by default)' })
  @ApiOkResponse({ schema: openApiSchema(assessmentAnalytics) })
  get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Query(new ZodPipe(analyticsQuery)) query: z.infer<typeof analyticsQuery>) {
    return this.analytics.analytics(user, id, query.kind);
  }
}
