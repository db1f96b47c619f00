import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type SessionUser, similarityFlagList, type SimilarityFlagsQuery, similarityFlagsQuery } from '@takehome/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { SimilarityFlagsService } from './similarity-flags.service';

@ApiTags('reviews')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD')
@Controller('similarity/flags')
export class SimilarityFlagsController {
  constructor(private readonly flags: SimilarityFlagsService) {}

  @Get()
  @ApiOperation({ summary: "Pairs of submissions to the same challenge, across the organization's assessments, above the similarity threshold" })
  @ApiOkResponse({ schema: openApiSchema(similarityFlagList) })
  list(@CurrentUser() user: SessionUser, @Query(new ZodPipe(similarityFlagsQuery)) query: SimilarityFlagsQuery) {
    return this.flags.list(user, query.threshold);
  }
}
