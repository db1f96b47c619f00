import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AssignReviewersRequest,
  assignReviewersRequest,
  myReviewView,
  reviewAggregate,
  reviewerView,
  reviewPipelineItem,
  reviewQueueItem,
  type ReviewSettings,
  reviewSettings,
  reviewWorkspace,
  rubricAgreement,
  type SaveReviewRequest,
  saveReviewRequest,
  type SessionUser,
} from '@takehome/contracts';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { ReviewAggregatesService } from './review-aggregates.service';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@ApiCookieAuth()
@Controller('reviews')
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly aggregates: ReviewAggregatesService,
  ) {}

  @Get('queue')
  @ApiOperation({ summary: 'Submissions assigned to me and waiting for my review, oldest first (blind)' })
  @ApiOkResponse({ schema: openApiSchema(z.array(reviewQueueItem)) })
  queue(@CurrentUser() user: SessionUser) {
    return this.reviews.queue(user);
  }

  @Get('submissions/:id')
  @ApiOperation({ summary: 'Code, diff, grading results, timing and rubric for an assigned submission' })
  @ApiOkResponse({ schema: openApiSchema(reviewWorkspace) })
  workspace(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.reviews.workspace(user, id);
  }

  @Put('submissions/:id/draft')
  @ApiOperation({ summary: 'Save my review as a draft (partial levels allowed)' })
  @ApiOkResponse({ schema: openApiSchema(myReviewView) })
  saveDraft(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(saveReviewRequest)) body: SaveReviewRequest) {
    return this.reviews.save(user, id, body, false);
  }

  @Post('submissions/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit my review; it is final afterwards' })
  @ApiOkResponse({ schema: openApiSchema(myReviewView) })
  submit(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(saveReviewRequest)) body: SaveReviewRequest) {
    return this.reviews.save(user, id, body, true);
  }

  @Get('pipeline')
  @Roles('ADMIN', 'HIRING_LEAD')
  @ApiOperation({ summary: 'Every submission with its reviewers and their progress' })
  @ApiOkResponse({ schema: openApiSchema(z.array(reviewPipelineItem)) })
  pipeline(@CurrentUser() user: SessionUser) {
    return this.aggregates.pipeline(user);
  }

  @Get('reviewers')
  @Roles('ADMIN', 'HIRING_LEAD')
  @ApiOperation({ summary: 'Team members who can be assigned a review' })
  @ApiOkResponse({ schema: openApiSchema(z.array(reviewerView)) })
  reviewers(@CurrentUser() user: SessionUser) {
    return this.reviews.reviewers(user);
  }

  @Post('submissions/:id/assignments')
  @HttpCode(200)
  @Roles('ADMIN', 'HIRING_LEAD')
  @ApiOperation({ summary: 'Assign reviewers; without reviewerIds the queue assigns round-robin' })
  @ApiOkResponse({ schema: openApiSchema(z.object({ assigned: z.array(z.uuid()) })) })
  assign(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(assignReviewersRequest)) body: AssignReviewersRequest) {
    return this.reviews.assign(user, id, body);
  }

  @Delete('submissions/:id/assignments/:reviewerId')
  @Roles('ADMIN', 'HIRING_LEAD')
  @ApiOperation({ summary: 'Take an unsubmitted review away from a reviewer (reassign = unassign, then assign)' })
  @ApiOkResponse({ schema: openApiSchema(z.object({ unassigned: z.uuid() })) })
  unassign(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Param('reviewerId', ParseUUIDPipe) reviewerId: string) {
    return this.reviews.unassign(user, id, reviewerId);
  }

  @Get('assessments/:id/settings')
  @Roles('ADMIN', 'HIRING_LEAD')
  @ApiOperation({ summary: "An assessment's reviewers (empty: every active REVIEWER) and review SLA in hours" })
  @ApiOkResponse({ schema: openApiSchema(reviewSettings) })
  settings(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.reviews.reviewSettings(user, id);
  }

  @Put('assessments/:id/settings')
  @Roles('ADMIN', 'HIRING_LEAD')
  @ApiOperation({ summary: 'Set who reviews an assessment and how long they have; editable in any status' })
  @ApiOkResponse({ schema: openApiSchema(reviewSettings) })
  saveSettings(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(reviewSettings)) body: ReviewSettings) {
    return this.reviews.saveReviewSettings(user, id, body);
  }

  @Get('submissions/:id/aggregate')
  @Roles('ADMIN', 'HIRING_LEAD')
  @ApiOperation({ summary: 'Submitted scores side by side with weighted totals, spread and calibration flags' })
  @ApiOkResponse({ schema: openApiSchema(reviewAggregate) })
  aggregate(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.aggregates.aggregate(user, id);
  }

  @Get('agreement')
  @Roles('ADMIN', 'HIRING_LEAD')
  @ApiOperation({ summary: "Krippendorff's alpha (interval) per rubric over the organization's submitted reviews" })
  @ApiOkResponse({ schema: openApiSchema(z.array(rubricAgreement)) })
  agreement(@CurrentUser() user: SessionUser) {
    return this.aggregates.agreement(user);
  }
}
