import { Code, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { EMPTY_SERVICE_LOG, inServiceOrder, serviceLogTitle } from '@takehome/contracts';
import type { ReviewWorkspace } from '@takehome/contracts';
import { RunTestsTable } from '../runs/run-tests-table';
import { passedLine } from '../runs/test-status';

/** Points are weighted, so the count of tests passed and the points are two numbers, never one "36 / 36". */
export function resultsSummary(run: NonNullable<ReviewWorkspace['run']>): string {
  const points = run.score !== null && run.maxScore !== null ? ` · ${run.score} / ${run.maxScore} points` : '';
  return `${passedLine(run.tests, 'tests')}${points}`;
}

/** The grading run, hidden tests included: reviewers need the evidence the candidate could not see. */
export function ResultsPanel({ run }: { run: ReviewWorkspace['run'] }) {
  if (!run) return <Text c="dimmed">No finished grading run for this submission.</Text>;
  return (
    <Stack gap="xs">
      <Text fw={600} aria-label="Grading summary">
        {resultsSummary(run)}
      </Text>
      <RunTestsTable tests={run.tests} label="Grading results" suite score output="all" />
    </Stack>
  );
}

/**
 * The grading run's logs: the candidate's service output, and beside it each sidecar's (PostgreSQL, Redis), so a
 * reviewer can line a failed query up with what the database said. Only the service output without sidecars.
 */
export function RunLogsPanel({ run }: { run: ReviewWorkspace['run'] }) {
  const sidecars = inServiceOrder(run?.serviceLogs ?? []);
  const block = (title: string, text: string | null | undefined, empty: string) => (
    <Stack gap={4} key={title} style={{ minWidth: 0 }}>
      <Title order={3} size="h6">{title}</Title>
      <ScrollArea h={sidecars.length ? 480 : 520} type="auto">
        <Code block aria-label={title} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text || empty}</Code>
      </ScrollArea>
    </Stack>
  );
  if (sidecars.length === 0) return block("Candidate's service", run?.logs, 'No logs.');
  return (
    <SimpleGrid cols={{ base: 1, lg: 1 + Math.min(sidecars.length, 2) }} spacing="sm">
      {block("Candidate's service", run?.logs, 'No logs.')}
      {sidecars.map((l) => block(serviceLogTitle(l.name), l.log, EMPTY_SERVICE_LOG))}
    </SimpleGrid>
  );
}
