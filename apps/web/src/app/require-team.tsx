import { Alert, Center, Loader } from '@mantine/core';
import type { UserRole } from '@takehome/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../hooks/use-session';

/** Wraps a team page: nobody signed in goes to /login (and comes back after), a wrong role is told so. */
export function RequireTeam({ roles, children }: { roles?: UserRole[]; children: ReactNode }) {
  const { data: user, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Checking your session" />
      </Center>
    );
  }
  if (error) return <Alert color="red" title="Could not check your session">{error.message}</Alert>;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !roles.includes(user.role)) {
    return (
      <Alert color="orange" title="Not available to your role">
        This page is for {roles.map((r) => r.toLowerCase().replace('_', ' ')).join(' and ')}s.
      </Alert>
    );
  }
  return children;
}
