import type { EditChallengeVersionRequest, StartSuiteVerificationRequest } from '@takehome/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  editChallengeVersion,
  fetchChallenges,
  fetchChallengeVersion,
  fetchLatestSuiteVerification,
  importChallengeZip,
  startSuiteVerification,
  verifyChallengeVersion,
} from '../api/challenges';
import { queryKeys } from './query-keys';

export const useChallenges = () => useQuery({ queryKey: queryKeys.challenges(), queryFn: fetchChallenges });

export const useChallengeVersion = (challengeId: string, versionId: string) =>
  useQuery({
    queryKey: queryKeys.challengeVersion(challengeId, versionId),
    queryFn: () => fetchChallengeVersion(challengeId, versionId),
  });

/** Every challenge query sits under 'challenges', so one invalidation refreshes lists, versions and badges. */
function useInvalidateChallenges() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.challenges() });
}

export function useImportChallenge() {
  const invalidate = useInvalidateChallenges();
  return useMutation({ mutationFn: (zip: Blob) => importChallengeZip(zip), onSuccess: invalidate });
}

export function useEditChallengeVersion(challengeId: string) {
  const invalidate = useInvalidateChallenges();
  return useMutation({
    mutationFn: (body: EditChallengeVersionRequest) => editChallengeVersion(challengeId, body),
    onSuccess: invalidate,
  });
}

export function useVerifyChallengeVersion(challengeId: string, versionId: string) {
  const invalidate = useInvalidateChallenges();
  return useMutation({ mutationFn: () => verifyChallengeVersion(challengeId, versionId), onSuccess: invalidate });
}

/** The latest suite verification; polled while it runs, since progress is counted run by run on the server. */
export const useLatestSuiteVerification = (challengeId: string, versionId: string) =>
  useQuery({
    queryKey: queryKeys.suiteVerification(challengeId, versionId),
    queryFn: () => fetchLatestSuiteVerification(challengeId, versionId),
    refetchInterval: (query) => {
      const status = query.state.data?.verification?.status;
      return status === 'QUEUED' || status === 'RUNNING' ? 2_000 : false;
    },
  });

export function useStartSuiteVerification(challengeId: string, versionId: string) {
  const invalidate = useInvalidateChallenges();
  return useMutation({ mutationFn: (body: StartSuiteVerificationRequest) => startSuiteVerification(challengeId, versionId, body), onSuccess: invalidate });
}
