import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ChallengeVersionDetail, RunView } from '@takehome/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../../hooks/query-keys';
import { useVerifyChallengeVersion } from '../../hooks/use-challenges';
import { RunProgressCard } from './run-progress-card';
import { SuiteVerificationCard } from './suite-verification-card';
import { VerificationProgress } from './verification-progress';
import { ValidationIssues } from './validation-issues';
import { VerificationBadge } from './verification-badge';

/** With no mutants there is nothing to prove the hidden suite with: say so before anyone runs it. */
function NoMutants({ mutants }: { mutants: ChallengeVersionDetail['mutants'] }) {
  if (Object.values(mutants).some((names) => names.length > 0)) return null;
  return (
    <Alert color="orange" title="Hidden suite not proven by mutants">
      This version ships no mutants, so nothing shows its hidden tests catch plausible mistakes. Add <code>mutants/&lt;runtime&gt;/</code> and
      run <code>assess challenge validate</code>.
    </Alert>
  );
}

/**
 * Runs each runtime's reference solution against both suites and follows the runs live. The latest runs of
 * an earlier verification are shown (and followed, if still going) when the page opens.
 */
export function VerifyPanel({ version }: { version: ChallengeVersionDetail }) {
  const client = useQueryClient();
  const verify = useVerifyChallengeVersion(version.challengeId, version.id);
  const [started, setStarted] = useState<string[] | null>(null);
  const runIds = started ?? version.verification.runs.map((r) => r.id);
  const [finished, setFinished] = useState<Record<string, RunView>>({});
  // The badge is derived from the stored runs, so re-reading the challenges after each run keeps it truthful.
  const refresh = (run: RunView) => {
    setFinished((all) => ({ ...all, [run.id]: run }));
    return client.invalidateQueries({ queryKey: queryKeys.challenges() });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Group gap="xs">
            <Text fw={600}>Reference solutions</Text>
            <VerificationBadge status={version.verification.status} />
          </Group>
          <Text size="sm" c="dimmed">
            A version is verified when every runtime’s reference solution passes every visible and hidden test.
          </Text>
        </div>
        <Button
          loading={verify.isPending}
          disabled={version.verification.status === 'running' && started === null}
          onClick={() => verify.mutate(undefined, { onSuccess: ({ runIds }) => (setFinished({}), setStarted(runIds)) })}
        >
          Verify
        </Button>
      </Group>
      <NoMutants mutants={version.mutants} />
      <ValidationIssues error={verify.error} title="Could not start verification" />
      <VerificationProgress total={runIds.length} finished={runIds.map((id) => finished[id]).filter((r): r is RunView => r !== undefined)} />
      {runIds.length === 0 ? (
        <Text c="dimmed">Not verified yet.</Text>
      ) : (
        // One full-width card per runtime: the phase stepper and the test table need the width.
        runIds.map((id) => <RunProgressCard key={id} runId={id} onFinished={refresh} />)
      )}
      <SuiteVerificationCard version={version} />
    </Stack>
  );
}
