import { Alert, Badge, Button, Card, Group, NumberInput, Progress, Stack, Text } from '@mantine/core';
import type { ChallengeVersionDetail, SuiteVerificationView } from '@takehome/contracts';
import { useState } from 'react';
import { useLatestSuiteVerification, useStartSuiteVerification } from '../../hooks/use-challenges';
import { SuiteVerificationResultView } from './suite-verification-result';
import { ValidationIssues } from './validation-issues';

const duration = (ms: number) => {
  const s = Math.max(1, Math.round(ms / 1000));
  return s < 90 ? `${s} s` : `${Math.round(s / 60)} min`;
};

/**
 * Proves the suites on the server, as `assess challenge validate --mutant-runs N` does locally: the reference
 * through both suites and every shipped mutant through the hidden suite, N runs each. Progress and the time left
 * come from the runs measured so far.
 */
export function SuiteVerificationCard({ version }: { version: ChallengeVersionDetail }) {
  const latest = useLatestSuiteVerification(version.challengeId, version.id);
  const start = useStartSuiteVerification(version.challengeId, version.id);
  const [runs, setRuns] = useState<number | string>(3);
  const current = latest.data?.verification ?? null;
  const busy = current?.status === 'QUEUED' || current?.status === 'RUNNING';
  const mutantCount = Object.values(version.mutants).reduce((n, names) => n + names.length, 0);

  return (
    <Card withBorder aria-label="Suite verification">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <div>
            <Group gap="xs">
              <Text fw={600}>Hidden suite strength</Text>
              <ProvenBadge view={current} />
            </Group>
            <Text size="sm" c="dimmed">
              Runs the reference solution and each of the {mutantCount} shipped mutants (plausible mistakes) N times; a mutant counts as
              killed only when it loses points on every run.
            </Text>
          </div>
          <Group align="flex-end" gap="xs">
            <NumberInput label="Runs each" min={1} max={10} w={100} value={runs} onChange={setRuns} disabled={busy} />
            <Button
              variant="light"
              loading={start.isPending}
              disabled={busy}
              onClick={() => start.mutate({ runs: Number(runs) }, { onSuccess: () => void latest.refetch() })}
            >
              Verify suites
            </Button>
          </Group>
        </Group>
        <ValidationIssues error={start.error} title="Could not start the suite verification" />
        {latest.error && <Alert color="red">{latest.error.message}</Alert>}
        {current === null ? <Text c="dimmed">The suites of this version have not been verified on the server yet.</Text> : <Latest view={current} />}
      </Stack>
    </Card>
  );
}

function ProvenBadge({ view }: { view: SuiteVerificationView | null }) {
  if (!view || view.proven === null) return <Badge color="gray" variant="light">{view ? 'running' : 'unverified'}</Badge>;
  return view.proven ? <Badge color="green">proven</Badge> : <Badge color="red">not proven</Badge>;
}

function Latest({ view }: { view: SuiteVerificationView }) {
  const started = new Date(view.createdAt).toLocaleString();
  if (view.status === 'FAILED') return <Alert color="red" title="The verification could not finish">{view.error}</Alert>;
  if (view.status !== 'FINISHED') {
    const value = view.totalRuns ? (100 * view.doneRuns) / view.totalRuns : 0;
    return (
      <Stack gap={4} aria-label="Suite verification progress">
        <Progress value={value} animated aria-label="Runs done" />
        <Text size="sm">
          {view.status === 'QUEUED' ? 'Queued' : 'Running'}: {view.doneRuns} / {view.totalRuns} runs
          {view.estimate ? ` · about ${duration(view.estimate.remainingMs)} left (${duration(view.estimate.perRunMs)} per run)` : ' · estimating after the first run'}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Started {started} · {view.runsPerSubject} run(s) each · {view.totalRuns} sandbox runs
        {view.estimate ? `, ${duration(view.estimate.perRunMs)} per run` : ''}
      </Text>
      {view.result && <SuiteVerificationResultView result={view.result} />}
    </Stack>
  );
}
