import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  feedbackComposer,
  feedbackQueueItem,
  releasedFeedbackView,
  type SaveFeedbackRequest,
  saveFeedbackRequest,
  type SessionUser,
} from '@takehome/contracts';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD')
@Controller('feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get('queue')
  @ApiOperation({ summary: 'Candidates still waiting for feedback, oldest first, with how long they waited' })
  @ApiOkResponse({ schema: openApiSchema(z.array(feedbackQueueItem)) })
  queue(@CurrentUser() user: SessionUser) {
    return this.feedback.queue(user);
  }

  @Get('submissions/:id')
  @ApiOperation({ summary: "The feedback draft with the reviewers' comments beside it" })
  @ApiOkResponse({ schema: openApiSchema(feedbackComposer) })
  composer(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.feedback.composer(user, id);
  }

  @Put('submissions/:id')
  @ApiOperation({ summary: 'Save the feedback draft (until released)' })
  @ApiOkResponse({ schema: openApiSchema(feedbackComposer) })
  save(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(saveFeedbackRequest)) body: SaveFeedbackRequest) {
    return this.feedback.save(user, id, body);
  }

  @Post('submissions/:id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release the feedback to the candidate and email them' })
  @ApiOkResponse({ schema: openApiSchema(releasedFeedbackView) })
  release(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.feedback.release(user, id);
  }
}
