import type { SaveFeedbackRequest } from '@takehome/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchFeedbackComposer, fetchFeedbackQueue, releaseFeedback, saveFeedback } from '../api/feedback';

export const feedbackKeys = {
  all: () => ['feedback'] as const,
  queue: () => ['feedback', 'queue'] as const,
  composer: (id: string) => ['feedback', 'composer', id] as const,
};

export const useFeedbackQueue = () => useQuery({ queryKey: feedbackKeys.queue(), queryFn: fetchFeedbackQueue, refetchInterval: 60_000 });
export const useFeedbackComposer = (id: string) => useQuery({ queryKey: feedbackKeys.composer(id), queryFn: () => fetchFeedbackComposer(id) });

export function useSaveFeedback(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveFeedbackRequest) => saveFeedback(id, body),
    onSuccess: (data) => client.setQueryData(feedbackKeys.composer(id), data),
  });
}

export function useReleaseFeedback(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => releaseFeedback(id), onSuccess: () => client.invalidateQueries({ queryKey: feedbackKeys.all() }) });
}
