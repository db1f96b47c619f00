import { z } from 'zod';

/** The organization's public-API key as the settings page sees it: never the key, only which one is in use. */
export const apiKeyStatus = z.object({
  configured: z.boolean(),
  /** First characters of the key (thk_ and 8 more); null for a key made before prefixes were kept. */
  prefix: z.string().nullable(),
  createdAt: z.iso.datetime().nullable(),
});
export type ApiKeyStatus = z.infer<typeof apiKeyStatus>;

/** Answered once, on rotation: the full key is never stored and never shown again. */
export const createdApiKey = z.object({ apiKey: z.string(), prefix: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKey>;

export const API_KEY_PREFIX_LENGTH = 12;
