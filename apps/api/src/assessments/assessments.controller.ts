import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  assessmentView,
  type CreateAssessmentRequest,
  createAssessmentRequest,
  type SessionUser,
  type TransitionAssessmentRequest,
  transitionAssessmentRequest,
  type UpdateAssessmentRequest,
  updateAssessmentRequest,
} from '@takehome/contracts';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { AssessmentsService } from './assessments.service';

@ApiTags('assessments')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD')
@Controller('assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Post()
  @ApiOperation({ summary: 'Build an assessment from a challenge version (starts as a draft)' })
  @ApiCreatedResponse({ schema: openApiSchema(assessmentView) })
  create(@CurrentUser() user: SessionUser, @Body(new ZodPipe(createAssessmentRequest)) body: CreateAssessmentRequest) {
    return this.assessments.create(user.organization.id, body, user.id);
  }

  @Get()
  @ApiOperation({ summary: "The organization's assessments, newest first" })
  @ApiOkResponse({ schema: openApiSchema(z.array(assessmentView)) })
  list(@CurrentUser() user: SessionUser) {
    return this.assessments.list(user.organization.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One assessment' })
  @ApiOkResponse({ schema: openApiSchema(assessmentView) })
  get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.assessments.get(user.organization.id, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change settings or the challenge version (draft and pilot only)' })
  @ApiOkResponse({ schema: openApiSchema(assessmentView) })
  update(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(updateAssessmentRequest)) body: UpdateAssessmentRequest) {
    return this.assessments.update(user.organization.id, id, body, user.id);
  }

  @Post(':id/transition')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move through the lifecycle: draft -> pilot -> live -> closed' })
  @ApiOkResponse({ schema: openApiSchema(assessmentView) })
  transition(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodPipe(transitionAssessmentRequest)) body: TransitionAssessmentRequest,
  ) {
    return this.assessments.transition(user.organization.id, id, body, user.id);
  }
}
