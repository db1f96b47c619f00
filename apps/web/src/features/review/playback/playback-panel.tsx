import { Alert, Badge, Code, Group, Loader, ScrollArea, Select, Slider, Stack, Table, Text } from '@mantine/core';
import { submissionPlayback } from '@takehome/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { request } from '../../../api/http';
import { queryKeys } from '../../../hooks/query-keys';

const usePlayback = (submissionId: string) =>
  useQuery({
    queryKey: queryKeys.reviewPlayback(submissionId),
    queryFn: () => request(submissionPlayback, `/api/reviews/submissions/${submissionId}/playback`),
  });

/** "+1:05" since the attempt started: reviewers read the pace, not the wall clock. */
function since(startedAt: string, at: string) {
  const minutes = Math.max(0, Math.round((Date.parse(at) - Date.parse(startedAt)) / 60_000));
  return `+${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Scrub through one file's autosaves; practice runs and time spent beside it. Pseudonymous like the page. */
export function PlaybackPanel({ submissionId }: { submissionId: string }) {
  const playback = usePlayback(submissionId);
  const [path, setPath] = useState<string | null>(null);
  const [index, setIndex] = useState<number | null>(null);
  if (playback.isPending) return <Loader aria-label="Loading playback" />;
  if (playback.error) return <Alert color="red">{playback.error.message}</Alert>;
  const p: z.infer<typeof submissionPlayback> = playback.data;
  const file = p.files.find((f) => f.path === path) ?? p.files.find((f) => f.points.length > 1) ?? p.files[0];
  if (!file) return <Text c="dimmed">No autosave history was kept for this attempt.</Text>;
  const at = Math.min(index ?? file.points.length - 1, file.points.length - 1);
  const point = file.points[at]!;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge variant="light" aria-label="Time spent">{p.minutesTaken} min from start to submission</Badge>
        <Badge variant="light" color="indigo">{p.practiceRuns.length} practice runs</Badge>
        {p.capped && <Badge color="orange">History capped: later saves are missing</Badge>}
      </Group>
      <Select
        label="File"
        data={p.files.map((f) => ({ value: f.path, label: `${f.path} (${f.points.length} saves)` }))}
        value={file.path}
        allowDeselect={false}
        onChange={(v) => { setPath(v); setIndex(null); }}
      />
      <Stack gap={4}>
        <Text size="sm" id="playback-position">
          Save {at + 1} of {file.points.length} · {since(p.startedAt, point.savedAt)} after start
        </Text>
        <Slider
          aria-labelledby="playback-position"
          thumbLabel={`Save of ${file.path}`}
          min={0}
          max={Math.max(0, file.points.length - 1)}
          step={1}
          value={at}
          onChange={setIndex}
          label={(v) => since(p.startedAt, file.points[v]?.savedAt ?? p.startedAt)}
          disabled={file.points.length < 2}
        />
      </Stack>
      <ScrollArea h={360} aria-label={`${file.path} at save ${at + 1}`}>
        {point.content === null ? <Text c="dimmed">The file was deleted at this point.</Text> : <Code block>{point.content}</Code>}
      </ScrollArea>
      <Table aria-label="Practice runs" striped>
        <Table.Thead>
          <Table.Tr><Table.Th>When</Table.Th><Table.Th>Outcome</Table.Th><Table.Th>Score</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.practiceRuns.length === 0 && <Table.Tr><Table.Td colSpan={3}>No practice runs.</Table.Td></Table.Tr>}
          {p.practiceRuns.map((r) => (
            <Table.Tr key={r.queuedAt}>
              <Table.Td>{since(p.startedAt, r.queuedAt)}</Table.Td>
              <Table.Td>{r.outcome ?? 'not finished'}</Table.Td>
              <Table.Td>{r.score ?? '–'} / {r.maxScore ?? '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
