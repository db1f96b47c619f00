import { Alert, Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import { candidateRun } from '@takehome/contracts';
import { useState } from 'react';
import { errorMessage } from '../../../api/http';
import { useRunEvents } from '../../../hooks/use-run-events';
import { RunTestsTable } from '../../runs/run-tests-table';
import { ServiceLogs } from '../../runs/service-logs';
import { runStatusColor, runStatusWords } from '../../runs/run-status-words';
import { passedLine } from '../../runs/test-status';
import { runEventsUrl } from '../api/candidate';
import { useOwnTests } from './use-workbench';
import { startOwnTests } from './workbench-api';

/**
 * Runs the candidate's own test files with the runtime's test command, in the same sandbox as the visible tests
 * (no network, same limits), and shows the results in the same table. The test runner's own text is shown too,
 * because a candidate debugging their tests wants to read it.
 */
export function OwnTestsPanel({ disabled, beforeRun, perHour }: { disabled: boolean; beforeRun: () => Promise<boolean>; perHour: number | undefined }) {
  const overview = useOwnTests();
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  // The run started here, else the latest one (so a reload shows the last results again).
  const shown = runId ?? overview.data?.runs[0]?.id ?? null;
  const { run, message: phase } = useRunEvents(shown && runEventsUrl(shown), candidateRun);
  const busy = starting || (run !== null && run.status !== 'FINISHED');

  if (overview.data && !overview.data.available) {
    return <Text size="sm" c="dimmed">Running your own tests is not offered for this language yet. The visible tests still run under “Tests”.</Text>;
  }

  const start = async () => {
    setError(null);
    setStarting(true);
    try {
      if (!(await beforeRun())) throw new Error('Some files are not saved yet; the run would not test your latest code. Try again in a moment.');
      setRunId((await startOwnTests()).id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed">
          Runs your own test files in the sandbox, without network{perHour ? ` (up to ${perHour} per hour)` : ''}. {overview.data?.hint ? `How to name them: ${overview.data.hint}.` : ''}
        </Text>
        <Button onClick={start} loading={busy} disabled={disabled} style={{ flexShrink: 0 }}>Run my tests</Button>
      </Group>
      {error && <Alert color="orange" role="alert" title="Your tests were not started">{error}</Alert>}
      {run && (
        <Stack gap="xs" aria-live="polite">
          <Group gap="xs">
            <Badge color={runStatusColor(run)} tt="none" aria-label="Own tests status">
              {runStatusWords(run)}
            </Badge>
            {run.status === 'FINISHED' && <Text size="sm">{run.tests.length > 0 ? passedLine(run.tests, 'tests') : 'No test files were found.'}</Text>}
            {run.status !== 'FINISHED' && phase && <Text size="sm" c="dimmed">{phase}</Text>}
          </Group>
          {run.tests.length > 0 && <RunTestsTable tests={run.tests} label="Your test results" maxHeight={320} />}
          {run.status === 'FINISHED' && run.logs && (
            <details>
              <summary>Test runner output</summary>
              <Code block style={{ maxHeight: 240, overflow: 'auto' }}>{run.logs.slice(-8000)}</Code>
            </details>
          )}
          {run.status === 'FINISHED' && <ServiceLogs logs={run.serviceLogs} open={run.outcome !== 'COMPLETED'} />}
        </Stack>
      )}
    </Stack>
  );
}
