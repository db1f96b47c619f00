import { Alert, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';

const titles: Record<string, string> = {
  invalid: 'This link does not work',
  expired: 'This invitation has expired',
  revoked: 'This invitation was withdrawn',
  used: 'This link was already used',
  no_session: 'Open your invitation link',
};

/** A clear page instead of an error: what happened, and what the candidate can do about it. */
export function LinkProblem({ code, message }: { code: string | undefined; message: string }) {
  const title = titles[code ?? ''] ?? 'This page cannot be opened';
  useDocumentTitle(`${title} · Takehome`);
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1} size="h2">{title}</Title>
        <Alert color="orange" role="alert" data-code={code}>
          {message}
        </Alert>
        <Text c="dimmed" size="sm">If you think this is a mistake, reply to the email that invited you.</Text>
      </Stack>
    </Container>
  );
}
