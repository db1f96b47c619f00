import type { AssignReviewersRequest, ReviewSettings, SaveReviewRequest } from '@takehome/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assignReviewers,
  fetchAgreement,
  fetchReviewAggregate,
  fetchReviewers,
  fetchReviewPipeline,
  fetchReviewQueue,
  fetchReviewSettings,
  saveReviewSettings,
  unassignReviewer,
  fetchReviewWorkspace,
  saveReviewDraft,
  submitReview,
} from '../api/reviews';
import { queryKeys } from '../../../hooks/query-keys';


export const useReviewQueue = () => useQuery({ queryKey: queryKeys.reviewQueue(), queryFn: fetchReviewQueue, refetchInterval: 60_000 });
export const useReviewWorkspace = (id: string) => useQuery({ queryKey: queryKeys.reviewWorkspace(id), queryFn: () => fetchReviewWorkspace(id) });
export const useReviewPipeline = () => useQuery({ queryKey: queryKeys.reviewPipeline(), queryFn: fetchReviewPipeline });
export const useReviewers = () => useQuery({ queryKey: queryKeys.reviewers(), queryFn: fetchReviewers });
export const useReviewAggregate = (id: string) => useQuery({ queryKey: queryKeys.reviewAggregate(id), queryFn: () => fetchReviewAggregate(id) });
export const useAgreement = () => useQuery({ queryKey: queryKeys.reviewAgreement(), queryFn: fetchAgreement });

export function useSaveReview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, submit }: { body: SaveReviewRequest; submit: boolean }) => (submit ? submitReview(id, body) : saveReviewDraft(id, body)),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.reviews() }),
  });
}

export function useAssignReviewers() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AssignReviewersRequest }) => assignReviewers(id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.reviews() }),
  });
}

export const useReviewSettings = (assessmentId: string) => useQuery({ queryKey: queryKeys.reviewSettings(assessmentId), queryFn: () => fetchReviewSettings(assessmentId) });

export function useSaveReviewSettings(assessmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewSettings) => saveReviewSettings(assessmentId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.reviews() }),
  });
}

/** The lead's reassign, first half: take the review away (the assign cell gives it to someone else). */
export function useUnassignReviewer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reviewerId }: { id: string; reviewerId: string }) => unassignReviewer(id, reviewerId),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.reviews() }),
  });
}
