import { Alert, Badge, Button, Code, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { type CandidateRun, candidateRun } from '@takehome/contracts';
import { useEffect, useState } from 'react';
import { runEventsUrl, startPracticeRun } from '../api/candidate';
import { errorMessage } from '../api/candidate-http';
import { passedLine, testStatusColor } from '../../runs/test-status';

/** Follows one run over server-sent events: a snapshot, then running/progress/finished, then the final snapshot. */
function useRunStream(runId: string | null) {
  const [run, setRun] = useState<CandidateRun | null>(null);
  const [phase, setPhase] = useState<string | null>(null);
  useEffect(() => {
    if (!runId) return;
    const source = new EventSource(runEventsUrl(runId));
    source.addEventListener('snapshot', (e) => {
      const parsed = candidateRun.safeParse(JSON.parse((e as MessageEvent).data));
      if (parsed.success) setRun(parsed.data);
      // The server ends the stream after the final snapshot; closing stops the browser from reconnecting.
      if (parsed.success && parsed.data.status === 'FINISHED') source.close();
    });
    source.addEventListener('running', () => setRun((r) => r && { ...r, status: 'RUNNING' }));
    source.addEventListener('progress', (e) => setPhase(JSON.parse((e as MessageEvent).data).message));
    return () => source.close();
  }, [runId]);
  return { run, phase };
}

export function PracticePanel({ disabled, beforeRun, perHour }: { disabled: boolean; beforeRun: () => Promise<boolean>; perHour: number }) {
  const [runId, setRunId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const { run, phase } = useRunStream(runId);
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
          {run.tests.length > 0 && (
            <ScrollArea.Autosize mah={320}>
              <Table striped aria-label="Test results" layout="fixed">
                <Table.Thead>
                  <Table.Tr><Table.Th w={96}>Result</Table.Th><Table.Th>Test</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {run.tests.map((t) => (
                    <Table.Tr key={t.name}>
                      <Table.Td><Badge size="sm" color={testStatusColor(t.status)} variant="light">{t.status}</Badge></Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        {t.name}
                        {t.status !== 'passed' && t.output && <Code block mt={4}>{t.output.slice(0, 2000)}</Code>}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
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
