import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';
import { StatusBadge } from './badges';
import { formatDate } from './format';
import { useAssessments } from './hooks/use-assessments';
import { NewAssessmentModal } from './new-assessment-modal';

/** Hiring leads: every assessment of the organization, newest first, and the way to build a new one. */
export function AssessmentListPage() {
  const { data, error, isPending } = useAssessments();
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  useDocumentTitle('Assessments · Takehome');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Assessments</Title>
          <Text c="dimmed">Build from a challenge version, pilot it with your team, then launch it to candidates.</Text>
        </div>
        <Button onClick={open}>New assessment</Button>
      </Group>
      <NewAssessmentModal opened={opened} onClose={close} onCreated={(created) => navigate(`/assessments/${created.id}`)} />
      {isPending && <Loader aria-label="Loading assessments" />}
      {error && <Alert color="red" title="Could not load assessments">{error.message}</Alert>}
      {data?.length === 0 && <Alert color="gray">No assessments yet: create one from a challenge.</Alert>}
      {!!data?.length && (
        <Table striped highlightOnHover aria-label="Assessments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Assessment</Table.Th>
              <Table.Th>Challenge</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Invitations</Table.Th>
              <Table.Th>Created</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/assessments/${a.id}`} fw={600}>
                    {a.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {a.timeLimitMinutes} min · {a.runtimes.join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm">{a.challenge.title}</Text>
                    <Badge variant="outline" size="sm">
                      v{a.challenge.version}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={a.status} />
                </Table.Td>
                <Table.Td>{a.invitations}</Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(a.createdAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
