import { Center, Loader } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { openInvitation } from '../api/candidate';
import { errorCode, errorMessage } from '../../../api/http';
import { LinkProblem } from './link-problem';
import { queryKeys } from '../../../hooks/query-keys';

/**
 * /a/<token>: exchanges the link for a session cookie with a POST (a mail scanner's GET changes nothing), then
 * replaces the URL so the token does not stay in the address bar or the history. The feedback email's link
 * adds ?to=feedback to land on the feedback page.
 */
export function LinkPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const destination = search.get('to') === 'feedback' ? '/candidate/feedback' : '/candidate';
  const client = useQueryClient();
  useDocumentTitle('Opening your invitation · Takehome');
  const [problem, setProblem] = useState<{ code?: string; message: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    openInvitation(token).then(
      () => {
        if (cancelled) return;
        void client.invalidateQueries({ queryKey: queryKeys.candidate() });
        navigate(destination, { replace: true });
      },
      (error: unknown) => !cancelled && setProblem({ code: errorCode(error), message: errorMessage(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [token, navigate, client, destination]);
  if (problem) return <LinkProblem code={problem.code} message={problem.message} />;
  return (
    <Center py="xl">
      <Loader aria-label="Opening your invitation" />
    </Center>
  );
}
