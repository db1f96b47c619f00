import { Badge, Box, Code, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import type { FileView } from '@takehome/contracts';
import { structuredPatch } from 'diff';
import { useMemo } from 'react';

type Change = { path: string; kind: 'added' | 'removed' | 'changed'; lines: string[] };

function changes(starter: FileView[], submitted: FileView[]): Change[] {
  const before = new Map(starter.map((f) => [f.path, f.content]));
  const after = new Map(submitted.map((f) => [f.path, f.content]));
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths.flatMap((path): Change[] => {
    const a = before.get(path);
    const b = after.get(path);
    if (a === b) return [];
    const patch = structuredPatch(path, path, a ?? '', b ?? '', '', '', { context: 3 });
    const lines = patch.hunks.flatMap((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines]);
    return [{ path, kind: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed', lines }];
  });
}

const lineColor = (line: string) =>
  line.startsWith('+') ? 'var(--mantine-color-green-light)' : line.startsWith('-') ? 'var(--mantine-color-red-light)' : line.startsWith('@@') ? 'var(--mantine-color-blue-light)' : undefined;

/** What the candidate changed relative to the starter, per file, unified-diff style. */
export function DiffPanel({ starter, files }: { starter: FileView[]; files: FileView[] }) {
  const diff = useMemo(() => changes(starter, files), [starter, files]);
  if (!diff.length) return <Text c="dimmed">No changes against the starter.</Text>;
  return (
    <ScrollArea h={560}>
      <Stack gap="sm" aria-label="Diff against the starter">
        {diff.map((change) => (
          <Paper key={change.path} withBorder p={0}>
            <Group px="sm" py={6} gap="xs">
              <Text ff="monospace" size="sm" fw={600}>
                {change.path}
              </Text>
              <Badge size="xs" variant="light" color={{ added: 'green', removed: 'red', changed: 'blue' }[change.kind]}>
                {change.kind}
              </Badge>
            </Group>
            <Code block p={0} style={{ borderRadius: 0 }}>
              {change.lines.map((line, i) => (
                <Box key={i} px="sm" style={{ background: lineColor(line), whiteSpace: 'pre-wrap' }}>
                  {line || ' '}
                </Box>
              ))}
            </Code>
          </Paper>
        ))}
      </Stack>
    </ScrollArea>
  );
}
