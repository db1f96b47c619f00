import type { CreateInvitationRequest, ExtendInvitationRequest, InvitationKind, PipelineQuery } from '@takehome/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../hooks/query-keys';
import {
  createInvitation,
  eraseCandidate,
  extendInvitation,
  fetchAnalytics,
  fetchPipeline,
  importInvitations,
  resendInvitation,
  revokeInvitation,
} from '../api/pipeline';

export const usePipeline = (id: string, query: PipelineQuery) =>
  useQuery({
    queryKey: queryKeys.pipeline(id, query),
    queryFn: () => fetchPipeline(id, query),
    // Keeps the table on screen while a new filter loads, and refreshes "time in stage" now and then.
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

export const useAnalytics = (id: string, kind: InvitationKind) =>
  useQuery({ queryKey: queryKeys.analytics(id, kind), queryFn: () => fetchAnalytics(id, kind) });

/** Any invitation change moves counts, stages and reports of the assessment, so all of them refresh. */
function useInvitationMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.assessments() }) });
}

export const useCreateInvitation = (id: string) => useInvitationMutation((body: CreateInvitationRequest) => createInvitation(id, body));
export const useImportInvitations = (id: string) => useInvitationMutation((file: File) => importInvitations(id, file));
export const useResendInvitation = (id: string) => useInvitationMutation((invitationId: string) => resendInvitation(id, invitationId));
export const useRevokeInvitation = (id: string) => useInvitationMutation((invitationId: string) => revokeInvitation(id, invitationId));
export const useEraseCandidate = () => useInvitationMutation((invitationId: string) => eraseCandidate(invitationId));
export const useExtendInvitation = (id: string) =>
  useInvitationMutation(({ invitationId, body }: { invitationId: string; body: ExtendInvitationRequest }) => extendInvitation(id, invitationId, body));
