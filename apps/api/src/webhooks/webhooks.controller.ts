import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type CreateWebhookRequest,
  createWebhookRequest,
  createdWebhookView,
  type SessionUser,
  webhookDeliveryView,
  webhookView,
} from '@takehome/contracts';
import { z } from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { openApiSchema } from '../openapi/zod-openapi';
import { toDeliveryView, toWebhookView } from './webhook-views';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiCookieAuth()
@Roles('ADMIN', 'HIRING_LEAD')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({ summary: 'Subscribe an endpoint (an ATS) to events; the signing secret is shown only here' })
  @ApiCreatedResponse({ schema: openApiSchema(createdWebhookView) })
  async create(@CurrentUser() user: SessionUser, @Body(new ZodPipe(createWebhookRequest)) body: CreateWebhookRequest) {
    const endpoint = await this.webhooks.create(user.organization.id, body, user.id);
    return { ...toWebhookView(endpoint), secret: endpoint.secret };
  }

  @Get()
  @ApiOperation({ summary: "The organization's webhook endpoints" })
  @ApiOkResponse({ schema: openApiSchema(z.array(webhookView)) })
  async list(@CurrentUser() user: SessionUser) {
    return (await this.webhooks.list(user.organization.id)).map(toWebhookView);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop delivering to an endpoint (its delivery log is kept)' })
  deactivate(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.webhooks.deactivate(user.organization.id, id, user.id);
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a failed delivery again (409 when it succeeded or is still being retried)' })
  retry(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string, @Param('deliveryId', ParseUUIDPipe) deliveryId: string) {
    return this.webhooks.retry(user.organization.id, id, deliveryId, user.id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Delivery log: each event, its attempts and the last answer' })
  @ApiOkResponse({ schema: openApiSchema(z.array(webhookDeliveryView)) })
  async deliveries(@CurrentUser() user: SessionUser, @Param('id', ParseUUIDPipe) id: string) {
    return (await this.webhooks.deliveries(user.organization.id, id)).map(toDeliveryView);
  }
}
