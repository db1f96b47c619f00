import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type SessionUser, submissionSimilarity } from '@takehome/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import { openApiSchema } from '../openapi/zod-openapi';
import { SimilarityService } from './similarity.service';

@ApiTags('reviews')
@ApiCookieAuth()
@Controller('reviews/submissions/:id/similarity')
export class SimilarityController {
  constructor(private readonly similarity: SimilarityService) {}

  @Get()
  @ApiOperation({ summary: 'Other submissions to the same challenge version whose code is unusually similar (starter removed; pseudonyms only)' })
  @ApiOkResponse({ schema: openApiSchema(submissionSimilarity) })
  get(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.similarity.forSubmission(user, id);
  }
}
