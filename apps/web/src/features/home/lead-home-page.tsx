import { Alert, Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { LeadHome } from '@takehome/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDue, formatWaiting } from '../review/format';
import { useGradeAgain, useLeadHome } from './use-lead-home';

const waited = (submittedAt: string) => formatWaiting(Math.max(0, (Date.now() - Date.parse(submittedAt)) / 1000));

/** One section of the to-do list; rendered only when it has something in it, so the page reads top to bottom. */
function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <Card withBorder component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Badge variant="light">{count}</Badge>
      </Group>
      {children}
    </Card>
  );
}

function FailedGradings({ items }: { items: LeadHome['failedGradings'] }) {
  const grade = useGradeAgain();
  return (
    <Table aria-label="Failed gradings" verticalSpacing="xs">
      <Table.Tbody>
        {items.map((f) => (
          <Table.Tr key={f.submissionId}>
            <Table.Td fw={600}>{f.pseudonym}</Table.Td>
            <Table.Td>{f.assessmentName}</Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                The platform could not run this submission{f.finishedAt ? ` (${new Date(f.finishedAt).toLocaleString()})` : ''}; it has no grade yet.
              </Text>
            </Table.Td>
            <Table.Td>
              <Group justify="flex-end">
                <Button
                  size="xs"
                  loading={grade.isPending && grade.variables === f.submissionId}
                  onClick={() => grade.mutate(f.submissionId)}
                  aria-label={`Grade ${f.pseudonym} again`}
                >
                  Grade again
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      {grade.error && (
        <Table.Caption>
          <Text c="red" size="sm" role="alert">
            {grade.error.message}
          </Text>
        </Table.Caption>
      )}
    </Table>
  );
}

function HomeLists({ home }: { home: LeadHome }) {
  return (
    <Stack>
      {home.reviewerShortfall.map((s) => (
        <Alert key={s.assessmentId} color="orange" title={`${s.assessmentName}: not enough reviewers`}>
          Each submission should get {s.wanted} reviewers, but only {s.available} can review this assessment, so submissions get{' '}
          {s.available}.{' '}
          <Anchor component={Link} to="/settings/members">
            Add reviewers
          </Anchor>
        </Alert>
      ))}
      <Section title="Failed gradings to run again" count={home.failedGradings.length}>
        <FailedGradings items={home.failedGradings} />
      </Section>
      <Section title="Reviews overdue" count={home.overdueReviews.length}>
        <Table aria-label="Reviews overdue" verticalSpacing="xs">
          <Table.Tbody>
            {home.overdueReviews.map((o) => (
              <Table.Tr key={`${o.submissionId}-${o.reviewerId}`}>
                <Table.Td fw={600}>{o.reviewerName}</Table.Td>
                <Table.Td>
                  {o.pseudonym} · {o.assessmentName}
                </Table.Td>
                <Table.Td>
                  <Badge color="red" variant="light" tt="none">
                    {formatDue(new Date(o.dueAt)).text}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to="/review/assign" size="sm">
                    Reassign
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title="Feedback ready to release" count={home.feedbackToRelease.length}>
        <Table aria-label="Feedback ready to release" verticalSpacing="xs">
          <Table.Tbody>
            {home.feedbackToRelease.map((f) => (
              <Table.Tr key={f.submissionId}>
                <Table.Td fw={600}>{f.pseudonym}</Table.Td>
                <Table.Td>{f.assessmentName}</Table.Td>
                <Table.Td>
                  {f.reviewsIn} of {f.wanted} reviews in{f.feedbackDrafted ? ' · draft started' : ''}
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button component={Link} to={`/review/feedback/${f.submissionId}`} size="xs" variant="light">
                      Write feedback
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title="Pilots to read" count={home.pilotsToRead.length}>
        <Stack gap={4}>
          {home.pilotsToRead.map((p) => (
            <Group key={p.assessmentId} justify="space-between">
              <Text>
                {p.assessmentName}: {p.submissions} pilot submission{p.submissions === 1 ? '' : 's'}
              </Text>
              <Anchor component={Link} to={`/assessments/${p.assessmentId}?tab=pilot`} size="sm">
                Read the pilot report
              </Anchor>
            </Group>
          ))}
        </Stack>
      </Section>
      <Section title="Waiting for review" count={home.waitingForReview.length}>
        <Table aria-label="Waiting for review" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Candidate</Table.Th>
              <Table.Th>Assessment</Table.Th>
              <Table.Th>Reviews</Table.Th>
              <Table.Th>Waiting</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {home.waitingForReview.map((w) => (
              <Table.Tr key={w.submissionId}>
                <Table.Td fw={600}>{w.pseudonym}</Table.Td>
                <Table.Td>{w.assessmentName}</Table.Td>
                <Table.Td>
                  {w.reviewsIn} of {w.wanted} in
                  {w.assigned < w.wanted && (
                    <Text span c="orange" size="sm">
                      {' '}
                      · only {w.assigned} assigned
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{waited(w.submittedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
    </Stack>
  );
}

/** Where a hiring lead (or admin) lands after signing in: what needs their action, most urgent first. */
export function LeadHomePage() {
  const home = useLeadHome();
  useDocumentTitle('Home · Takehome');
  const data = home.data;
  const total = data ? Object.values(data).reduce((n, list) => n + list.length, 0) : 0;
  return (
    <Stack>
      <Title order={1} size="h2">
        What needs your action
      </Title>
      {home.isPending && <Loader aria-label="Loading what needs your action" />}
      {home.error && <Alert color="red">{home.error.message}</Alert>}
      {data && (
        <SimpleGrid cols={{ base: 2, sm: 5 }} aria-label="Summary">
          {[
            ['Waiting for review', data.waitingForReview.length],
            ['Reviews overdue', data.overdueReviews.length],
            ['Feedback to release', data.feedbackToRelease.length],
            ['Pilots to read', data.pilotsToRead.length],
            ['Failed gradings', data.failedGradings.length],
          ].map(([label, n]) => (
            <Card key={label} withBorder padding="sm">
              <Text size="xl" fw={700}>
                {n}
              </Text>
              <Text size="sm" c="dimmed">
                {label}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {data && total === 0 && <Alert color="green">Nothing needs your action right now.</Alert>}
      {data && <HomeLists home={data} />}
    </Stack>
  );
}
