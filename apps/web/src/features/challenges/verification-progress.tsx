import { Group, Progress, Stack, Text } from '@mantine/core';
import type { RunView } from '@takehome/contracts';

/**
 * Verification runs one reference solution per runtime, minutes in all: how many are done and, once one has
 * finished, an estimate from the finished ones' own durations (the worker takes runs in turn, so the remaining
 * ones take about as long each).
 */
export function VerificationProgress({ total, finished }: { total: number; finished: RunView[] }) {
  if (total === 0 || finished.length >= total) return null;
  const durations = finished
    .filter((r) => r.startedAt && r.finishedAt)
    .map((r) => Date.parse(r.finishedAt!) - Date.parse(r.startedAt!));
  const average = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : null;
  const left = average === null ? null : Math.max(1, Math.round((average * (total - finished.length)) / 60_000));
  return (
    <Stack gap={4} aria-label="Verification progress">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {finished.length} of {total} runtimes verified
        </Text>
        <Text size="sm" c="dimmed" aria-live="polite">
          {left === null ? 'Estimating once the first runtime finishes…' : `About ${left} min left`}
        </Text>
      </Group>
      <Progress value={(finished.length / total) * 100} animated aria-label={`${finished.length} of ${total} runtimes verified`} />
    </Stack>
  );
}
