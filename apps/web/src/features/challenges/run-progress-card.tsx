import { Alert, Badge, Card, Group, Stack, Stepper, Text } from '@mantine/core';
import { type RunView, runView } from '@takehome/contracts';
import { runEventsUrl } from '../../api/runs';
import { useRunEvents } from '../../hooks/use-run-events';
import { RunTestsTable } from '../runs/run-tests-table';
import { ServiceLogs } from '../runs/service-logs';

const steps = ['queued', 'preparing', 'starting', 'testing', 'finished'] as const;

function activeStep(status: RunView['status'] | undefined, phase: string | null): number {
  if (status === 'FINISHED') return steps.length;
  const index = phase ? steps.indexOf(phase as (typeof steps)[number]) : -1;
  if (index > 0) return index;
  // "running" (or "cleanup", between two suites) means past the queue but before the next reported phase.
  return status === 'RUNNING' || phase ? 1 : 0;
}

/** One verification run, followed live: phases as they happen, then every test with its score. */
export function RunProgressCard({ runId, onFinished }: { runId: string; onFinished: (run: RunView) => void }) {
  const { run, phase, message, error } = useRunEvents(runEventsUrl(runId), runView, onFinished);
  const finished = run?.status === 'FINISHED';
  const passed = finished && run.outcome === 'COMPLETED' && run.maxScore !== null && run.maxScore > 0 && run.score === run.maxScore;
  return (
    <Card withBorder aria-label={`Verification run ${run?.runtime ?? ''}`.trim()}>
      <Group justify="space-between" mb="sm">
        <Text fw={600} ff="monospace">
          {run?.runtime ?? '…'}
        </Text>
        {finished ? (
          <Badge color={passed ? 'teal' : 'red'} size="lg">
            {run.outcome === 'COMPLETED' ? `${run.score} / ${run.maxScore}` : run.outcome}
          </Badge>
        ) : (
          <Badge color="blue" variant="light">
            {run?.status === 'RUNNING' || phase ? `Running${phase && phase !== 'running' ? `: ${phase}` : ''}` : 'Queued'}
          </Badge>
        )}
      </Group>
      <Stepper active={activeStep(run?.status, phase)} size="xs" allowNextStepsSelect={false}>
        {steps.map((step) => (
          <Stepper.Step key={step} label={step[0].toUpperCase() + step.slice(1)} />
        ))}
      </Stepper>
      {!finished && message && (
        <Text size="xs" c="dimmed" mt="xs" aria-live="polite">
          {message}
        </Text>
      )}
      {error && !finished && (
        <Alert color="orange" mt="sm">
          {error}
        </Alert>
      )}
      {finished && run.tests.length > 0 && (
        <Stack mt="sm">
          <RunTestsTable tests={run.tests} label={`Test results (${run.runtime})`} suite score />
        </Stack>
      )}
      {finished && !passed && run.logs && (
        <Text component="pre" size="xs" mt="sm" style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
          {run.logs}
        </Text>
      )}
      {finished && !passed && <ServiceLogs logs={run.serviceLogs} />}
    </Card>
  );
}
