import { Alert, Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { candidateRun } from '@takehome/contracts';
import { useCallback, useState } from 'react';
import { useRunEvents } from '../../../hooks/use-run-events';
import { RunTestsTable } from '../../runs/run-tests-table';
import { ServiceLogs } from '../../runs/service-logs';
import { runStatusColor, runStatusWords } from '../../runs/run-status-words';
import { runEventsUrl, startPracticeRun } from '../api/candidate';
import { errorMessage } from '../../../api/http';
import { passedLine } from '../../runs/test-status';
import { queryKeys } from '../../../hooks/query-keys';
import { usePracticeAllowance, usePracticeRuns } from '../hooks/use-candidate';

/** "18 of 20 runs left this hour", or when the next one is possible. */
function allowanceLine(a: { left: number; perHour: number; nextAvailableAt: string | null }): string {
  if (a.left > 0) return `${a.left} of ${a.perHour} runs left this hour.`;
  const at = a.nextAvailableAt ? new Date(a.nextAvailableAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : null;
  return `No runs left this hour${at ? `; the next one is possible at ${at}` : ''}.`;
}

/** `undeclared`: what the files declare that the runtime does not offer, said here before any run (see declared-packages). */
export function PracticePanel({ disabled, beforeRun, undeclared = '' }: { disabled: boolean; beforeRun: () => Promise<boolean>; undeclared?: string }) {
  const client = useQueryClient();
  const [startedId, setRunId] = useState<string | null>(null);
  const earlier = usePracticeRuns();
  // Until a run is started here, the latest earlier one (e.g. before a reload) is shown.
  const runId = startedId ?? earlier.data?.[0]?.id ?? null;
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const allowance = usePracticeAllowance();
  const refreshAllowance = useCallback(() => void client.invalidateQueries({ queryKey: queryKeys.candidatePracticeAllowance() }), [client]);
  const { run, message: phase, messages } = useRunEvents(runId && runEventsUrl(runId), candidateRun, refreshAllowance);
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
      refreshAllowance();
    }
  };

  return (
    <Stack gap="sm" h="100%">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text size="sm">Runs the visible tests on your saved files.</Text>
          <Text size="sm" c="dimmed" aria-live="polite" aria-label="Runs left">
            {allowance.data ? allowanceLine(allowance.data) : '\u00a0'}
          </Text>
        </Stack>
        <Button onClick={start} loading={busy} disabled={disabled || allowance.data?.left === 0} style={{ flexShrink: 0 }}>
          Run tests
        </Button>
      </Group>
      {undeclared && (
        <Alert color="yellow" title="A package your files ask for is not here">
          {`${undeclared}.`}
        </Alert>
      )}
      {error && <Alert color="orange" role="alert" title="The tests were not started">{error}</Alert>}
      {run && (
        <Stack gap="xs" aria-live="polite">
          <Group gap="xs">
            <Badge color={runStatusColor(run)} tt="none" size="lg" variant="light" aria-label="Run status">
              {runStatusWords(run)}
            </Badge>
            {run.status === 'FINISHED' && <Text size="sm">{passedLine(run.tests, 'visible tests')}</Text>}
            {run.status !== 'FINISHED' && phase && <Text size="sm" c="dimmed">{phase}</Text>}
          </Group>
          {/* The steps so far, so a database's start-up (and where a run got stuck) can be followed, not only the latest. */}
          {run.status !== 'FINISHED' && messages.length > 1 && (
            <Stack gap={0} aria-label="Run steps">
              {messages.slice(0, -1).slice(-5).map((m, i) => <Text key={`${i}-${m}`} size="xs" c="dimmed">✓ {m}</Text>)}
            </Stack>
          )}
          {run.tests.length > 0 && <RunTestsTable tests={run.tests} label="Test results" />}
          {run.status === 'FINISHED' && run.logs && (
            <details>
              <summary>Your service's output</summary>
              <Code block tabIndex={0} aria-label="Your service's output" style={{ maxHeight: 240, overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {run.logs.slice(-8000)}
              </Code>
            </details>
          )}
          {run.status === 'FINISHED' && <ServiceLogs logs={run.serviceLogs} open={run.outcome !== 'COMPLETED'} />}
        </Stack>
      )}
    </Stack>
  );
}
