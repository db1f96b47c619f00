import { useDocumentTitle } from '@mantine/hooks';
import { Alert, Anchor, Badge, Button, Card, CloseButton, Group, Loader, MultiSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReviewPipelineItem } from '@takehome/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAgreement, useAssignReviewers, useReviewers, useReviewPipeline, useUnassignReviewer } from './hooks/use-reviews';

const statusColor = { NOT_STARTED: 'gray', DRAFT: 'yellow', SUBMITTED: 'green' } as const;

function AssignCell({ item }: { item: ReviewPipelineItem }) {
  const reviewers = useReviewers();
  const assign = useAssignReviewers();
  const [picked, setPicked] = useState<string[]>([]);
  const taken = new Set(item.assignments.map((a) => a.reviewer.id));
  const options = (reviewers.data ?? []).filter((r) => !taken.has(r.id)).map((r) => ({ value: r.id, label: `${r.name} (${r.role.toLowerCase()})` }));
  return (
    <Stack gap={4}>
      <Group gap={4}>
        <MultiSelect size="xs" w={220} placeholder="Pick reviewers" data={options} value={picked} onChange={setPicked} aria-label={`Reviewers for ${item.pseudonym}`} />
        <Button size="xs" disabled={!picked.length} loading={assign.isPending} onClick={() => assign.mutate({ id: item.submissionId, body: { reviewerIds: picked } }, { onSuccess: () => setPicked([]) })}>
          Assign
        </Button>
        <Button size="xs" variant="light" disabled={item.assignments.length >= item.reviewersWanted} onClick={() => assign.mutate({ id: item.submissionId, body: {} })}>
          Fill automatically
        </Button>
      </Group>
      {assign.error && <Text size="xs" c="red">{assign.error.message}</Text>}
    </Stack>
  );
}

/** Reassigning starts here: an unsubmitted review can be taken away, then given to someone else. */
function ReviewerBadge({ item, assignment }: { item: ReviewPipelineItem; assignment: ReviewPipelineItem['assignments'][number] }) {
  const unassign = useUnassignReviewer();
  return (
    <Badge
      color={statusColor[assignment.status]}
      variant="light"
      tt="none"
      rightSection={
        assignment.status === 'SUBMITTED' ? null : (
          <CloseButton
            size="xs"
            aria-label={`Unassign ${assignment.reviewer.name} from ${item.pseudonym}`}
            disabled={unassign.isPending}
            onClick={() => unassign.mutate({ id: item.submissionId, reviewerId: assignment.reviewer.id })}
          />
        )
      }
    >
      {assignment.reviewer.name}
    </Badge>
  );
}

/** Hiring leads: who reviews what, and how consistently the team applies each rubric. */
export function ReviewAssignmentsPage() {
  const pipeline = useReviewPipeline();
  const agreement = useAgreement();
  useDocumentTitle('Review assignments · Takehome');

  return (
    <Stack>
      <Title order={2}>Review assignments</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {agreement.data?.map((a) => (
          <Card key={`${a.challengeTitle}-${a.challengeVersion}`} withBorder aria-label={`Agreement for ${a.challengeTitle}`}>
            <Text size="sm" fw={600}>
              {a.challengeTitle} v{a.challengeVersion}
            </Text>
            <Text size="xl" fw={700}>
              α = {a.alpha === null ? '—' : a.alpha.toFixed(2)}
            </Text>
            <Text size="xs" c="dimmed">
              Krippendorff's alpha (interval) over {a.reviews} reviews of {a.submissions} submissions. Below 0.67 the rubric is read inconsistently.
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {pipeline.isPending && <Loader />}
      {pipeline.error && <Alert color="red">{pipeline.error.message}</Alert>}
      {pipeline.data?.length === 0 && <Alert color="gray">No submissions yet.</Alert>}
      {!!pipeline.data?.length && (
        <Table aria-label="Review pipeline" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Candidate</Table.Th>
              <Table.Th>Assessment</Table.Th>
              <Table.Th>Reviewers</Table.Th>
              <Table.Th>Assign</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pipeline.data.map((item) => (
              <Table.Tr key={item.submissionId}>
                <Table.Td>
                  <Anchor component={Link} to={`/review/feedback/${item.submissionId}`} size="sm" fw={600}>
                    {item.candidateName}
                  </Anchor>
                  <Text size="xs" c="dimmed">{item.pseudonym}</Text>
                </Table.Td>
                <Table.Td>{item.assessmentName}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {item.assignments.map((a) => (
                      <ReviewerBadge key={a.reviewer.id} item={item} assignment={a} />
                    ))}
                    <Text size="xs" c="dimmed">
                      {item.assignments.length}/{item.reviewersWanted}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <AssignCell item={item} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
