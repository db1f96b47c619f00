import { Controller, Get, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assessmentView } from '@takehome/contracts';
import { z } from 'zod';
import { AssessmentsService } from '../assessments/assessments.service';
import { Public } from '../auth/auth.decorators';
import { openApiSchema } from '../openapi/zod-openapi';
import { ApiKeyGuard, type ApiKeyRequest } from './api-key.guard';

/** The public API for an ATS: versioned under /api/v1, authenticated by the organization API key. */
@ApiTags('public API')
@ApiBearerAuth()
@Public()
@UseGuards(ApiKeyGuard)
@Controller('v1')
export class PublicApiController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get('assessments')
  @ApiOperation({ summary: "The organization's assessments, to map them to ATS jobs" })
  @ApiOkResponse({ schema: openApiSchema(z.array(assessmentView)) })
  list(@Req() req: ApiKeyRequest) {
    return this.assessments.list(req.apiOrganization.id);
  }
}
