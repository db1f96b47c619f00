import { Controller, Get, Param } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccountLinkView, accountLinkView } from '@takehome/contracts';
import { Public } from '../auth/auth.decorators';
import { openApiSchema } from '../openapi/zod-openapi';
import { AccountTokensService } from './account-tokens.service';

@ApiTags('accounts')
@Controller('account-links')
export class AccountTokensController {
  constructor(private readonly tokens: AccountTokensService) {}

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'What an emailed account link (invitation, password reset, first password) is for' })
  @ApiOkResponse({ schema: openApiSchema(accountLinkView) })
  @ApiNotFoundResponse({ description: 'Not a link this server issued (code "invalid")' })
  @ApiGoneResponse({ description: 'Expired, already used or withdrawn (code "expired", "used", "revoked")' })
  inspect(@Param('token') token: string): Promise<AccountLinkView> {
    return this.tokens.inspect(token, ['INVITE', 'PASSWORD_RESET', 'SET_PASSWORD']);
  }
}
