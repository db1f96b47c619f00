import type { SessionUser, UserRole } from '@takehome/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acceptInvitation,
  changePassword,
  changeRole,
  deactivateMember,
  fetchAccountLink,
  fetchMembers,
  fetchSetupStatus,
  forgotPassword,
  inviteMember,
  reactivateMember,
  resendInvitation,
  resetPassword,
  revokeInvitation,
  setUp,
} from '../api/accounts';
import { ApiError } from '../api/http';
import { queryKeys } from './query-keys';

/** Whether the installation still needs its first organization; the shell sends everyone to /setup while it does. */
export const useSetupStatus = () => useQuery({ queryKey: queryKeys.setup(), queryFn: fetchSetupStatus, staleTime: Infinity });

/** A person who just proved who they are (set-up, invitation, reset) is signed in: start from a clean cache. */
function signedIn(client: QueryClient, user: SessionUser) {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me()[0] });
  client.setQueryData(queryKeys.me(), user);
  client.removeQueries({ queryKey: queryKeys.sessionEnded() });
  client.setQueryData(queryKeys.setup(), { needed: false });
}

export function useSetUp() {
  const client = useQueryClient();
  return useMutation({ mutationFn: setUp, onSuccess: (user) => signedIn(client, user) });
}

/** An emailed link's details; a dead link is an answer (the page explains it), so it is not retried. */
export const useAccountLink = (token: string) =>
  useQuery({ queryKey: queryKeys.accountLink(token), queryFn: () => fetchAccountLink(token), retry: (n, e) => n < 1 && !(e instanceof ApiError && e.status < 500) });

export function useAcceptInvitation() {
  const client = useQueryClient();
  return useMutation({ mutationFn: acceptInvitation, onSuccess: (user) => signedIn(client, user) });
}

export function useResetPassword() {
  const client = useQueryClient();
  return useMutation({ mutationFn: resetPassword, onSuccess: (user) => signedIn(client, user) });
}

export const useForgotPassword = () => useMutation({ mutationFn: forgotPassword });
export const useChangePassword = () => useMutation({ mutationFn: changePassword });

export const useMembers = () => useQuery({ queryKey: queryKeys.members(), queryFn: fetchMembers });

/** Every member change refreshes the members list (and the reviewer lists elsewhere that depend on it). */
function useMemberMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.members() }), client.invalidateQueries({ queryKey: ['reviews'] })]),
  });
}

export const useInviteMember = () => useMemberMutation(inviteMember);
export const useResendInvitation = () => useMemberMutation(resendInvitation);
export const useRevokeInvitation = () => useMemberMutation(revokeInvitation);
export const useChangeRole = () => useMemberMutation(({ id, role }: { id: string; role: UserRole }) => changeRole(id, { role }));
export const useDeactivateMember = () => useMemberMutation(deactivateMember);
export const useReactivateMember = () => useMemberMutation(reactivateMember);
