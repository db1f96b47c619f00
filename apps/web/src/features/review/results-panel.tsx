import { Text } from '@mantine/core';
import type { ReviewWorkspace } from '@takehome/contracts';
import { RunTestsTable } from '../runs/run-tests-table';

/** The grading run, hidden tests included: reviewers need the evidence the candidate could not see. */
export function ResultsPanel({ run }: { run: ReviewWorkspace['run'] }) {
  if (!run) return <Text c="dimmed">No finished grading run for this submission.</Text>;
  return <RunTestsTable tests={run.tests} label="Grading results" suite score output="all" />;
}
