import { Navigate } from 'react-router';
import { useSession } from '../../hooks/use-session';
import { LeadHomePage } from './lead-home-page';

/** "/" after sign-in: leads and admins get their to-do list, reviewers their queue. */
export function HomePage() {
  const { data: user } = useSession();
  if (user?.role === 'REVIEWER') return <Navigate to="/review" replace />;
  return <LeadHomePage />;
}
