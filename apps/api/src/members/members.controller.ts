import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AcceptInvitationRequest,
  acceptInvitationRequest,
  type ChangeRoleRequest,
  changeRoleRequest,
  deactivationResult,
  type InviteMemberRequest,
  inviteMemberRequest,
  membersView,
  memberView,
  openAssignmentView,
  pendingInvitationView,
  type SessionUser,
  sessionUser,
} from '@takehome/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators';
import { setSessionCookie } from '../auth/session-cookie';
import { ZodPipe } from '../common/zod-body.pipe';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { openApiSchema } from '../openapi/zod-openapi';
import { MembersService } from './members.service';

@ApiTags('members')
@ApiCookieAuth()
@ApiForbiddenResponse({ description: 'Only admins manage members' })
@Roles('ADMIN')
@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Everyone in the organization (role, status, last sign-in) and the open invitations' })
  @ApiOkResponse({ schema: openApiSchema(membersView) })
  list(@CurrentUser() user: SessionUser) {
    return this.members.list(user.organization.id);
  }

  @Post('invitations')
  @ApiOperation({ summary: 'Invite someone by email with a role; emails a single-use link valid for 7 days' })
  @ApiCreatedResponse({ schema: openApiSchema(pendingInvitationView) })
  @ApiConflictResponse({ description: 'The email already has an account, or an open invitation here' })
  invite(@CurrentUser() user: SessionUser, @Body(new ZodPipe(inviteMemberRequest)) body: InviteMemberRequest) {
    return this.members.invite(user, body);
  }

  @Post('invitations/:id/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Email the invitation again with a new link (the old link stops working) and a fresh expiry' })
  @ApiOkResponse({ schema: openApiSchema(pendingInvitationView) })
  @ApiNotFoundResponse({ description: 'No open invitation with this id in your organization' })
  resend(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.resend(user, id);
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw an open invitation; its link stops working' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ description: 'No open invitation with this id in your organization' })
  revoke(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.revoke(user, id);
  }

  @Public()
  @Post('accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation: choose a name and password; signs the new member in' })
  @ApiOkResponse({ schema: openApiSchema(sessionUser) })
  @ApiGoneResponse({ description: 'The invitation expired, was accepted or was withdrawn (code says which)' })
  @ApiConflictResponse({ description: 'An account with this email exists by now' })
  async accept(@Body(new ZodPipe(acceptInvitationRequest)) body: AcceptInvitationRequest, @Res({ passthrough: true }) res: Response): Promise<SessionUser> {
    const session = await this.members.accept(body);
    setSessionCookie(res, this.config, session);
    return session.user;
  }

  @Patch(':id/role')
  @ApiOperation({ summary: "Change a member's role; the last active admin cannot be demoted" })
  @ApiOkResponse({ schema: openApiSchema(memberView) })
  @ApiConflictResponse({ description: 'This is the last active admin (code "last_admin")' })
  @ApiNotFoundResponse({ description: 'No member with this id in your organization' })
  changeRole(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(changeRoleRequest)) body: ChangeRoleRequest) {
    return this.members.changeRole(user, id, body.role);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a member: every session ends now, sign-in is refused; lists the reviews they still owed' })
  @ApiOkResponse({ schema: openApiSchema(deactivationResult) })
  @ApiConflictResponse({ description: 'This is the last active admin (code "last_admin")' })
  @ApiNotFoundResponse({ description: 'No member with this id in your organization' })
  deactivate(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.deactivate(user, id);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Let a deactivated member sign in again' })
  @ApiOkResponse({ schema: openApiSchema(memberView) })
  @ApiNotFoundResponse({ description: 'No member with this id in your organization' })
  reactivate(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.reactivate(user, id);
  }

  @Get(':id/open-assignments')
  @ApiOperation({ summary: 'Reviews this member was assigned and has not submitted, to reassign them' })
  @ApiOkResponse({ schema: openApiSchema(z.array(openAssignmentView)) })
  @ApiNotFoundResponse({ description: 'No member with this id in your organization' })
  openAssignments(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.members.openAssignments(user.organization.id, id);
  }
}
