import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { healthResponse, type HealthResponse } from '@takehome/contracts';
import type { Response } from 'express';
import { openApiSchema } from '../openapi/zod-openapi';
import { HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Database, Redis, Docker and disk space, each reported; 503 when any is down' })
  @ApiOkResponse({ schema: openApiSchema(healthResponse) })
  @ApiServiceUnavailableResponse({ schema: openApiSchema(healthResponse) })
  async get(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const report = await this.health.check();
    if (report.status !== 'ok') res.status(503);
    return report;
  }
}
