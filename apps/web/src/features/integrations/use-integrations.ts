import { apiKeyStatus, type CreateWebhookRequest, createdApiKey, createdWebhookView, webhookDeliveryView, webhookView } from '@takehome/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../../api/http';
import { queryKeys } from '../../hooks/query-keys';

const empty = z.unknown();

export const useWebhooks = () => useQuery({ queryKey: queryKeys.webhooks(), queryFn: () => request(z.array(webhookView), '/api/webhooks') });

export const useWebhookDeliveries = (endpointId: string | null) =>
  useQuery({
    queryKey: queryKeys.webhookDeliveries(endpointId ?? ''),
    queryFn: () => request(z.array(webhookDeliveryView), `/api/webhooks/${endpointId}/deliveries`),
    enabled: endpointId !== null,
    // Deliveries happen in the background (and retries back off): keep the log moving while it is open.
    refetchInterval: 3_000,
  });

export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookRequest) => request(createdWebhookView, '/api/webhooks', { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.webhooks() }),
  });
}

export function useDeactivateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(empty, `/api/webhooks/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.webhooks() }),
  });
}

export function useRetryDelivery(endpointId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => request(empty, `/api/webhooks/${endpointId}/deliveries/${deliveryId}/retry`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.webhookDeliveries(endpointId) }),
  });
}

export const useApiKey = () => useQuery({ queryKey: queryKeys.apiKey(), queryFn: () => request(apiKeyStatus, '/api/organization/api-key') });

export function useRotateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request(createdApiKey, '/api/organization/api-key', { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiKey() }),
  });
}
