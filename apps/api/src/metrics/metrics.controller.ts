import { Controller, ForbiddenException, Get, Header, Req, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { ApiMetrics } from './api-metrics';
import { OperatorAccessCheck } from './operator-access';

/** Prometheus scrape target of this API process: `Authorization: Bearer $METRICS_TOKEN`, or an admin's session. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ApiMetrics,
    private readonly access: OperatorAccessCheck,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() req: Request): Promise<string> {
    const access = await this.access.check(req, { allowToken: true });
    if (access === 'unauthenticated') throw new UnauthorizedException('Send Authorization: Bearer <METRICS_TOKEN>, or sign in as an admin.');
    if (access === 'forbidden') throw new ForbiddenException('Only admins may read metrics.');
    req.res?.type(this.metrics.registry.contentType);
    return this.metrics.text();
  }
}
