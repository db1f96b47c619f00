import { Stack, Text } from '@mantine/core';
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
