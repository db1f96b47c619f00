import type { AssignReviewersRequest, SaveReviewRequest } from '@takehome/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assignReviewers,
  fetchAgreement,
  fetchReviewAggregate,
  fetchReviewers,
  fetchReviewPipeline,
  fetchReviewQueue,
  fetchReviewWorkspace,
  saveReviewDraft,
  submitReview,
} from '../api/reviews';

/** Review's own slice of query keys, all under 'reviews' so one invalidation refreshes every view of them. */
export const reviewKeys = {
  all: () => ['reviews'] as const,
  queue: () => ['reviews', 'queue'] as const,
  workspace: (id: string) => ['reviews', 'workspace', id] as const,
  pipeline: () => ['reviews', 'pipeline'] as const,
  reviewers: () => ['reviews', 'reviewers'] as const,
  aggregate: (id: string) => ['reviews', 'aggregate', id] as const,
  agreement: () => ['reviews', 'agreement'] as const,
};

export const useReviewQueue = () => useQuery({ queryKey: reviewKeys.queue(), queryFn: fetchReviewQueue, refetchInterval: 60_000 });
export const useReviewWorkspace = (id: string) => useQuery({ queryKey: reviewKeys.workspace(id), queryFn: () => fetchReviewWorkspace(id) });
export const useReviewPipeline = () => useQuery({ queryKey: reviewKeys.pipeline(), queryFn: fetchReviewPipeline });
export const useReviewers = () => useQuery({ queryKey: reviewKeys.reviewers(), queryFn: fetchReviewers });
export const useReviewAggregate = (id: string) => useQuery({ queryKey: reviewKeys.aggregate(id), queryFn: () => fetchReviewAggregate(id) });
export const useAgreement = () => useQuery({ queryKey: reviewKeys.agreement(), queryFn: fetchAgreement });

export function useSaveReview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, submit }: { body: SaveReviewRequest; submit: boolean }) => (submit ? submitReview(id, body) : saveReviewDraft(id, body)),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewKeys.all() }),
  });
}

export function useAssignReviewers() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AssignReviewersRequest }) => assignReviewers(id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewKeys.all() }),
  });
}
