import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type SessionUser, submissionPlayback } from '@takehome/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import { openApiSchema } from '../openapi/zod-openapi';
import { ReviewPlaybackService } from './review-playback.service';

@ApiTags('reviews')
@ApiCookieAuth()
@Controller('reviews/submissions/:id/playback')
export class ReviewPlaybackController {
  constructor(private readonly playback: ReviewPlaybackService) {}

  @Get()
  @ApiOperation({ summary: 'Autosave history per file, practice runs and time spent, for an assigned submission (blind)' })
  @ApiOkResponse({ schema: openApiSchema(submissionPlayback) })
  get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.playback.playback(user, id);
  }
}
