import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** An address nothing lives at: said plainly, with the way back (never the router's developer page). */
export function NotFoundPage() {
  useDocumentTitle('Page not found · Takehome');
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>Page not found</Title>
        <Text>There is no page at this address. It may have been mistyped, or the link may be out of date.</Text>
        <Text size="sm" c="dimmed">
          Candidates: open the invitation link from your email again. Team members: go to the <Anchor component={Link} to="/">start page</Anchor>.
        </Text>
      </Stack>
    </Container>
  );
}

/** What the router shows when a page throws while rendering: a page in the app's words, not a stack trace. */
export function RouteErrorPage() {
  const error = useRouteError();
  useDocumentTitle('Something went wrong · Takehome');
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1}>Something went wrong</Title>
        <Text>This page failed to show. Reload it; anything you saved is kept.</Text>
        <Anchor href={window.location.href}>Reload this page</Anchor>
      </Stack>
    </Container>
  );
}
