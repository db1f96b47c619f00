import type { LoginRequest, UserRole } from '@takehome/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchMe, login, logout } from '../api/auth';
import { queryKeys } from './query-keys';

/** Who is signed in (null: nobody). Read once and shared; a 401 anywhere resets it (see app/session-expiry). */
export function useSession() {
  return useQuery({ queryKey: queryKeys.me(), queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => login(body),
    onSuccess: (user) => {
      client.setQueryData(queryKeys.me(), user);
      client.removeQueries({ queryKey: queryKeys.sessionEnded() });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Nothing cached for one person may be shown to the next one signing in on this browser.
    onSuccess: () => {
      client.setQueryData(queryKeys.me(), null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me()[0] });
    },
  });
}

export const AUTHORING_ROLES: UserRole[] = ['ADMIN', 'HIRING_LEAD'];

/** Whether the last session ended under the person's feet (deactivated, signed out elsewhere, expired). */
export function useSessionEnded(): boolean {
  const client = useQueryClient();
  return client.getQueryData<boolean>(queryKeys.sessionEnded()) === true;
}
