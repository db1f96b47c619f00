import type { SaveFeedbackRequest } from '@takehome/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchFeedbackComposer, fetchFeedbackQueue, releaseFeedback, saveFeedback } from '../api/feedback';
import { queryKeys } from '../../../hooks/query-keys';


export const useFeedbackQueue = () => useQuery({ queryKey: queryKeys.feedbackQueue(), queryFn: fetchFeedbackQueue, refetchInterval: 60_000 });
export const useFeedbackComposer = (id: string) => useQuery({ queryKey: queryKeys.feedbackComposer(id), queryFn: () => fetchFeedbackComposer(id) });

export function useSaveFeedback(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveFeedbackRequest) => saveFeedback(id, body),
    onSuccess: (data) => client.setQueryData(queryKeys.feedbackComposer(id), data),
  });
}

export function useReleaseFeedback(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => releaseFeedback(id), onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.feedback() }) });
}
