import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ChallengeVersionDetail, RunView } from '@takehome/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../../hooks/query-keys';
import { useVerifyChallengeVersion } from '../../hooks/use-challenges';
import { RunProgressCard } from './run-progress-card';
import { VerificationProgress } from './verification-progress';
import { ValidationIssues } from './validation-issues';
import { VerificationBadge } from './verification-badge';

/**
 * How strong the hidden suite is known to be: the mutants (plausible mistakes) the package ships. `assess challenge
 * validate` proves each is caught on every one of five runs before a package is imported; the server keeps names only.
 */
function SuiteStrength({ mutants }: { mutants: ChallengeVersionDetail['mutants'] }) {
  const entries = Object.entries(mutants).filter(([, names]) => names.length > 0);
  if (entries.length === 0) {
    return (
      <Alert color="orange" title="Hidden suite not proven by mutants">
        This version ships no mutants, so nothing shows its hidden tests catch plausible mistakes. Add <code>mutants/&lt;runtime&gt;/</code> and
        run <code>assess challenge validate</code>.
      </Alert>
    );
  }
  return (
    <Stack gap={4} aria-label="Hidden suite strength">
      <Text fw={600}>Hidden suite strength</Text>
      {entries.map(([runtime, names]) => (
        <Text size="sm" key={runtime}>
          <Badge variant="light" mr="xs">{runtime}</Badge>
          {names.length} mutants, each required to lose points on all 5 validation runs: {names.join(', ')}
        </Text>
      ))}
    </Stack>
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
      <SuiteStrength mutants={version.mutants} />
      <ValidationIssues error={verify.error} title="Could not start verification" />
      <VerificationProgress total={runIds.length} finished={runIds.map((id) => finished[id]).filter((r): r is RunView => r !== undefined)} />
      {runIds.length === 0 ? (
        <Text c="dimmed">Not verified yet.</Text>
      ) : (
        // One full-width card per runtime: the phase stepper and the test table need the width.
        runIds.map((id) => <RunProgressCard key={id} runId={id} onFinished={refresh} />)
      )}
    </Stack>
  );
}
