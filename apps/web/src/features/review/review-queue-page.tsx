import { useDocumentTitle } from '@mantine/hooks';
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { DueLabel } from './due-label';
import { formatWaiting } from './format';
import { useReviewQueue } from './hooks/use-reviews';

/** The reviewer's own queue: oldest first, so nobody waits longest by accident. Pseudonyms only. */
export function ReviewQueuePage() {
  const queue = useReviewQueue();
  useDocumentTitle('Review queue · Takehome');

  return (
    <Stack>
      <Title order={2}>Review queue</Title>
      <Text c="dimmed" size="sm">
        Submissions assigned to you, oldest first. Candidates appear under a pseudonym until every assigned review is submitted.
      </Text>
      {queue.isPending && <Loader />}
      {queue.error && <Alert color="red">{queue.error.message}</Alert>}
      {queue.data?.length === 0 && <Alert color="gray">Nothing is waiting for your review.</Alert>}
      {!!queue.data?.length && (
        <Table striped highlightOnHover aria-label="Review queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Candidate</Table.Th>
              <Table.Th>Assessment</Table.Th>
              <Table.Th>Submitted</Table.Th>
              <Table.Th>Waiting</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Your review</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.map((item) => (
              <Table.Tr key={item.submissionId}>
                <Table.Td fw={600}>{item.pseudonym}</Table.Td>
                <Table.Td>
                  {item.assessmentName}
                  <Text size="xs" c="dimmed">
                    {item.challengeTitle}
                  </Text>
                </Table.Td>
                <Table.Td>{new Date(item.submittedAt).toLocaleString()}</Table.Td>
                <Table.Td>{formatWaiting(item.waitingSeconds)}</Table.Td>
                <Table.Td>
                  <DueLabel dueAt={item.dueAt} />
                </Table.Td>
                <Table.Td>
                  <Badge color={item.myReviewStatus === 'DRAFT' ? 'yellow' : 'gray'} variant="light">
                    {item.myReviewStatus === 'DRAFT' ? 'Draft' : 'Not started'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button component={Link} to={`/review/${item.submissionId}`} size="xs">
                      {item.myReviewStatus === 'DRAFT' ? 'Continue' : 'Review'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
