import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  challengeSummary,
  challengeVersionDetail,
  type EditChallengeVersionRequest,
  editChallengeVersionRequest,
  savedChallengeVersion,
  type SessionUser,
  verifyResponse,
} from '@takehome/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { ChallengesService } from './challenges.service';
import { ZIP_UPLOAD_LIMIT } from './zip-package';

@ApiTags('challenges')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD')
@Controller('challenges')
export class ChallengesController {
  constructor(private readonly challenges: ChallengesService) {}

  @Get()
  @ApiOperation({ summary: "The organization's challenges with their versions and verification state" })
  @ApiOkResponse({ schema: openApiSchema(z.array(challengeSummary)) })
  list(@CurrentUser() user: SessionUser) {
    return this.challenges.list(user.organization.id);
  }

  @Post('import')
  // Guards run before interceptors, so only a signed-in lead's upload is ever buffered (in memory, capped).
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: ZIP_UPLOAD_LIMIT, files: 1, fields: 0, parts: 1 } }))
  @ApiOperation({ summary: 'Upload a challenge folder as a zip: a new version, or the existing one with the same content' })
  @ApiConsumes('multipart/form-data', 'application/zip')
  @ApiBody({ description: 'A form with the zip in `file`, or the zip itself as the body', schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ description: 'Same content as an existing version', schema: openApiSchema(savedChallengeVersion) })
  async import(
    @CurrentUser() user: SessionUser,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    // Browsers send a form; scripts and the CLI can send the zip as the raw body.
    const zip = file?.buffer ?? (Buffer.isBuffer(req.body) ? req.body : undefined);
    if (!zip || zip.length === 0) {
      throw new BadRequestException('Send the zip as a multipart form field named "file", or as the body with Content-Type: application/zip.');
    }
    const saved = await this.challenges.importZip(user.organization.id, zip, user.id);
    res.status(saved.created ? 201 : 200);
    return saved;
  }

  @Get(':challengeId/versions/:versionId')
  @ApiOperation({ summary: 'One version: prompt, rubric, every file (tests and solutions too), verification' })
  @ApiOkResponse({ schema: openApiSchema(challengeVersionDetail) })
  version(
    @CurrentUser() user: SessionUser,
    @Param('challengeId', ParseUUIDPipe) challengeId: string,
    @Param('versionId', ParseUUIDPipe) versionId: string,
  ) {
    return this.challenges.version(user.organization.id, challengeId, versionId);
  }

  @Post(':challengeId/versions')
  @ApiOperation({ summary: 'A new version from an existing one with the prompt, rubric or time limit changed' })
  @ApiOkResponse({ schema: openApiSchema(savedChallengeVersion) })
  async edit(
    @CurrentUser() user: SessionUser,
    @Param('challengeId', ParseUUIDPipe) challengeId: string,
    @Body(new ZodPipe(editChallengeVersionRequest)) body: EditChallengeVersionRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const saved = await this.challenges.edit(user.organization.id, challengeId, body, user.id);
    res.status(saved.created ? 201 : 200);
    return saved;
  }

  @Post(':challengeId/versions/:versionId/verify')
  @HttpCode(202)
  @ApiOperation({ summary: "Run every runtime's reference solution against both suites; follow the runs' events" })
  @ApiOkResponse({ schema: openApiSchema(verifyResponse) })
  verify(
    @CurrentUser() user: SessionUser,
    @Param('challengeId', ParseUUIDPipe) challengeId: string,
    @Param('versionId', ParseUUIDPipe) versionId: string,
  ) {
    return this.challenges.verify(user.organization.id, challengeId, versionId);
  }
}
