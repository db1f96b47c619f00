import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { answerSurvey, fetchFeedback, fetchPracticeAllowance, fetchPracticeRuns, fetchOverview, fetchWorkspace, startAttempt, submitAttempt } from '../api/candidate';
import { queryKeys } from '../../../hooks/query-keys';


export function useOverview() {
  return useQuery({ queryKey: queryKeys.candidateOverview(), queryFn: fetchOverview, retry: false });
}

export function useWorkspace() {
  // Loaded once per visit: afterwards the editor holds the truth and autosave pushes it to the server.
  return useQuery({ queryKey: queryKeys.candidateWorkspace(), queryFn: fetchWorkspace, retry: false, staleTime: Infinity, gcTime: 0 });
}

export function useFeedback() {
  return useQuery({ queryKey: queryKeys.candidateFeedback(), queryFn: fetchFeedback, retry: false });
}

/** Practice runs left this hour; refreshed after each run starts or finishes (the page invalidates it). */
export function usePracticeAllowance() {
  return useQuery({ queryKey: queryKeys.candidatePracticeAllowance(), queryFn: fetchPracticeAllowance, retry: false, refetchInterval: 60_000 });
}

/** The latest practice runs, newest first: the Tests panel opens on the last one after a reload. */
export function usePracticeRuns() {
  return useQuery({ queryKey: queryKeys.candidateRuns(), queryFn: fetchPracticeRuns, retry: false, staleTime: Infinity });
}

export function useStartAttempt() {
  const client = useQueryClient();
  return useMutation({ mutationFn: startAttempt, onSuccess: (overview) => client.setQueryData(queryKeys.candidateOverview(), overview) });
}

export function useSubmitAttempt() {
  const client = useQueryClient();
  return useMutation({ mutationFn: submitAttempt, onSettled: () => client.invalidateQueries({ queryKey: queryKeys.candidate() }) });
}

export function useAnswerSurvey() {
  const client = useQueryClient();
  return useMutation({ mutationFn: answerSurvey, onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.candidateOverview() }) });
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
