import { Alert, Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import { candidateRun } from '@takehome/contracts';
import { useState } from 'react';
import { useRunEvents } from '../../../hooks/use-run-events';
import { RunTestsTable } from '../../runs/run-tests-table';
import { runEventsUrl, startPracticeRun } from '../api/candidate';
import { errorMessage } from '../../../api/http';
import { passedLine } from '../../runs/test-status';

export function PracticePanel({ disabled, beforeRun, perHour }: { disabled: boolean; beforeRun: () => Promise<boolean>; perHour: number }) {
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const { run, message: phase } = useRunEvents(runId && runEventsUrl(runId), candidateRun);
  const busy = starting || (run !== null && run.status !== 'FINISHED');

  const start = async () => {
    setError(null);
    setStarting(true);
    try {
      if (!(await beforeRun())) throw new Error('Some files are not saved yet; the run would not test your latest code. Try again in a moment.');
      const created = await startPracticeRun();
      setRunId(created.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  return (
    <Stack gap="sm" h="100%">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">Runs the visible tests on your saved files (up to {perHour} per hour).</Text>
        <Button onClick={start} loading={busy} disabled={disabled}>Run tests</Button>
      </Group>
      {error && <Alert color="orange" role="alert" title="The tests were not started">{error}</Alert>}
      {run && (
        <Stack gap="xs" aria-live="polite">
          <Group gap="xs">
            <Badge color={run.status === 'FINISHED' ? (run.outcome === 'COMPLETED' ? 'green' : 'red') : 'blue'} aria-label="Run status">
              {run.status === 'FINISHED' ? `finished: ${run.outcome?.toLowerCase().replace('_', ' ')}` : run.status.toLowerCase()}
            </Badge>
            {run.status === 'FINISHED' && (
              <Text size="sm">
                {passedLine(run.tests, 'visible tests')}
              </Text>
            )}
            {run.status !== 'FINISHED' && phase && <Text size="sm" c="dimmed">{phase}</Text>}
          </Group>
          {run.tests.length > 0 && <RunTestsTable tests={run.tests} label="Test results" maxHeight={320} />}
          {run.status === 'FINISHED' && run.logs && (
            <details>
              <summary>Your service's output</summary>
              <Code block style={{ maxHeight: 240, overflow: 'auto' }}>{run.logs.slice(-8000)}</Code>
            </details>
          )}
        </Stack>
      )}
    </Stack>
  );
}
