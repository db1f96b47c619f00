import { Alert, Badge, Button, Card, Code, Grid, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { submissionSimilarity, type SubmissionSimilarity } from '@takehome/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { request } from '../../../api/http';
import { queryKeys } from '../../../hooks/query-keys';

export const useSimilarity = (submissionId: string) =>
  useQuery({
    queryKey: queryKeys.reviewSimilarity(submissionId),
    queryFn: () => request(submissionSimilarity, `/api/reviews/submissions/${submissionId}/similarity`),
  });

type Pair = SubmissionSimilarity['pairs'][number];

/** The lines of one side of a fragment, numbered, with a little context. */
function Excerpt({ files, side, label }: { files: Pair['files']; side: Pair['fragments'][number]['left']; label: string }) {
  const lines = (files.find((f) => f.path === side.path)?.content ?? '').split('\n');
  const from = Math.max(1, side.startLine - 2);
  const to = Math.min(lines.length, side.endLine + 2);
  const text = lines.slice(from - 1, to).map((l, i) => `${String(from + i).padStart(4)}${from + i >= side.startLine && from + i <= side.endLine ? ' ▌' : '  '} ${l}`).join('\n');
  return (
    <Stack gap={4} aria-label={label}>
      <Text size="sm" ff="monospace">{side.path}:{side.startLine}–{side.endLine}</Text>
      <ScrollArea h={320}><Code block>{text}</Code></ScrollArea>
    </Stack>
  );
}

/**
 * Submissions to the same challenge (any version, any assessment) whose code is unusually similar to this one (starter code removed).
 * Pseudonyms only. A flag is something to look at, never a verdict: the rubric is still what grades.
 */
export function SimilarityPanel({ submissionId, pseudonym }: { submissionId: string; pseudonym: string }) {
  const similarity = useSimilarity(submissionId);
  const [open, setOpen] = useState<{ pair: number; fragment: number } | null>(null);
  if (similarity.isPending) return <Loader aria-label="Comparing submissions" />;
  if (similarity.error) return <Alert color="red">{similarity.error.message}</Alert>;
  const s = similarity.data;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Compared with {s.comparedWith} other submissions to this challenge (every version and assessment), starter code removed. Pairs sharing at least{' '}
        {Math.round(s.threshold * 100)}% of their code fingerprints are flagged. A flag is evidence to judge, not a verdict.
      </Text>
      {s.pairs.length === 0 && <Alert color="green">No unusually similar submission.</Alert>}
      {s.pairs.map((p, i) => (
        <Card withBorder key={p.otherSubmissionId} aria-label={`Similar to ${p.otherPseudonym}`}>
          <Group justify="space-between">
            <Text fw={600}>{p.otherPseudonym}</Text>
            <Badge color="orange" variant="light">{Math.round(p.similarity * 100)}% similar</Badge>
          </Group>
          <Group gap="xs" mt="xs">
            {p.fragments.slice(0, 12).map((f, j) => (
              <Button key={j} size="compact-xs" variant={open?.pair === i && open.fragment === j ? 'filled' : 'light'} onClick={() => setOpen({ pair: i, fragment: j })}>
                {f.left.path}:{f.left.startLine} ↔ {f.right.path}:{f.right.startLine}
              </Button>
            ))}
          </Group>
          {open?.pair === i && p.fragments[open.fragment] && (
            <Grid mt="sm">
              <Grid.Col span={6}><Excerpt files={p.files} side={p.fragments[open.fragment]!.left} label={`${pseudonym}'s matching lines`} /></Grid.Col>
              <Grid.Col span={6}><Excerpt files={p.otherFiles} side={p.fragments[open.fragment]!.right} label={`${p.otherPseudonym}'s matching lines`} /></Grid.Col>
            </Grid>
          )}
        </Card>
      ))}
    </Stack>
  );
}
