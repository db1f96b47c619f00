import { useDocumentTitle } from '@mantine/hooks';
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatWaiting } from '../review/format';
import { useFeedbackQueue } from './hooks/use-feedback';

/** Every candidate still owed feedback, longest-waiting first: the promise is feedback for everyone. */
export function FeedbackQueuePage() {
  const queue = useFeedbackQueue();
  useDocumentTitle('Feedback queue · Takehome');
  return (
    <Stack>
      <Title order={2}>Feedback queue</Title>
      <Text c="dimmed" size="sm">
        Candidates waiting for feedback, oldest submission first.
      </Text>
      {queue.isPending && <Loader />}
      {queue.error && <Alert color="red">{queue.error.message}</Alert>}
      {queue.data?.length === 0 && <Alert color="gray">Every candidate has their feedback.</Alert>}
      {!!queue.data?.length && (
        <Table striped aria-label="Feedback queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Candidate</Table.Th>
              <Table.Th>Assessment</Table.Th>
              <Table.Th>Waiting</Table.Th>
              <Table.Th>Reviews</Table.Th>
              <Table.Th>Feedback</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.map((item) => (
              <Table.Tr key={item.submissionId}>
                <Table.Td fw={600}>{item.candidateName}</Table.Td>
                <Table.Td>{item.assessmentName}</Table.Td>
                <Table.Td>{formatWaiting(item.waitingSeconds)}</Table.Td>
                <Table.Td>
                  {item.submittedReviews} of {item.assignedReviews} submitted
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={item.feedbackStatus === 'DRAFT' ? 'yellow' : 'gray'}>
                    {item.feedbackStatus === 'DRAFT' ? 'Draft' : 'Not started'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button size="xs" component={Link} to={`/review/feedback/${item.submissionId}`}>
                      Open
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
