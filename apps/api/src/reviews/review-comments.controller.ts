import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  lineCommentInput,
  lineCommentView,
  type SessionUser,
  type UpdateLineCommentRequest,
  updateLineCommentRequest,
} from '@takehome/contracts';
import { z } from 'zod';
import { CurrentUser } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { ReviewCommentsService } from './review-comments.service';

@ApiTags('reviews')
@ApiCookieAuth()
@Controller('reviews/submissions/:id/comments')
export class ReviewCommentsController {
  constructor(private readonly comments: ReviewCommentsService) {}

  @Get()
  @ApiOperation({ summary: 'My line comments on an assigned submission' })
  @ApiOkResponse({ schema: openApiSchema(z.array(lineCommentView)) })
  list(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.comments.list(user, id);
  }

  @Post()
  @ApiOperation({ summary: 'Comment on a line of a file or of its diff; optionally cite a criterion and share with the candidate' })
  @ApiOkResponse({ schema: openApiSchema(lineCommentView) })
  create(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(lineCommentInput)) body: z.output<typeof lineCommentInput>) {
    return this.comments.create(user, id, body);
  }

  @Patch(':commentId')
  @ApiOperation({ summary: 'Edit, cite or share one of my line comments while my review is a draft' })
  @ApiOkResponse({ schema: openApiSchema(lineCommentView) })
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
    @Body(new ZodPipe(updateLineCommentRequest)) body: UpdateLineCommentRequest,
  ) {
    return this.comments.update(user, id, commentId, body);
  }

  @Delete(':commentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of my line comments while my review is a draft' })
  remove(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Param('commentId', ParseUUIDPipe) commentId: string) {
    return this.comments.remove(user, id, commentId);
  }
}
