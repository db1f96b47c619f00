import { z } from 'zod';

/** What an ATS (Greenhouse, Lever, ...) can subscribe to. */
export const webhookEvent = z.enum([
  'invitation.created',
  'submission.created',
  'submission.graded',
  'review.submitted',
  'feedback.released',
]);
export type WebhookEvent = z.infer<typeof webhookEvent>;

export const createWebhookRequest = z.object({
  url: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
    .max(2000),
  events: z.array(webhookEvent).min(1, 'pick at least one event').refine((e) => new Set(e).size === e.length, 'must not repeat an event'),
});
export type CreateWebhookRequest = z.infer<typeof createWebhookRequest>;

export const webhookView = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(webhookEvent),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type WebhookView = z.infer<typeof webhookView>;

/** The signing secret is shown once, when the endpoint is created. */
export const createdWebhookView = webhookView.extend({ secret: z.string() });

export const webhookDeliveryView = z.object({
  id: z.uuid(),
  event: webhookEvent,
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryView>;

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, Stripe-style. */
export const WEBHOOK_SIGNATURE_HEADER = 'takehome-signature';
