import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { answerSurvey, fetchFeedback, fetchOverview, fetchWorkspace, startAttempt, submitAttempt } from '../api/candidate';

/** The candidate pages' own keys: they live outside the team app and never share its cache entries. */
export const candidateKeys = {
  all: ['candidate'] as const,
  overview: () => [...candidateKeys.all, 'overview'] as const,
  workspace: () => [...candidateKeys.all, 'workspace'] as const,
  feedback: () => [...candidateKeys.all, 'feedback'] as const,
};

export function useOverview() {
  return useQuery({ queryKey: candidateKeys.overview(), queryFn: fetchOverview, retry: false });
}

export function useWorkspace() {
  // Loaded once per visit: afterwards the editor holds the truth and autosave pushes it to the server.
  return useQuery({ queryKey: candidateKeys.workspace(), queryFn: fetchWorkspace, retry: false, staleTime: Infinity, gcTime: 0 });
}

export function useFeedback() {
  return useQuery({ queryKey: candidateKeys.feedback(), queryFn: fetchFeedback, retry: false });
}

export function useStartAttempt() {
  const client = useQueryClient();
  return useMutation({ mutationFn: startAttempt, onSuccess: (overview) => client.setQueryData(candidateKeys.overview(), overview) });
}

export function useSubmitAttempt() {
  const client = useQueryClient();
  return useMutation({ mutationFn: submitAttempt, onSettled: () => client.invalidateQueries({ queryKey: candidateKeys.all }) });
}

export function useAnswerSurvey() {
  const client = useQueryClient();
  return useMutation({ mutationFn: answerSurvey, onSuccess: () => client.invalidateQueries({ queryKey: candidateKeys.overview() }) });
}

/**
 * The server's clock as seen from here: offset = server time - local time when the answer arrived. The
 * countdown adds it, so a wrong browser clock changes nothing.
 */
export function useServerOffset(serverTime: string | undefined) {
  const offset = useRef<{ at: string; value: number } | null>(null);
  if (serverTime && offset.current?.at !== serverTime) offset.current = { at: serverTime, value: Date.parse(serverTime) - Date.now() };
  return offset.current?.value ?? 0;
}
