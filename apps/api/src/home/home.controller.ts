import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { leadHome, type SessionUser } from '@takehome/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { openApiSchema } from '../openapi/zod-openapi';
import { HomeService } from './home.service';

@ApiTags('home')
@ApiCookieAuth()
@Controller('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Get('lead')
  @Roles('ADMIN', 'HIRING_LEAD')
  @ApiOperation({ summary: "What needs the lead's action: reviews waiting or overdue, feedback to release, pilots, failed gradings" })
  @ApiOkResponse({ schema: openApiSchema(leadHome) })
  lead(@CurrentUser() user: SessionUser) {
    return this.home.leadHome(user);
  }
}
