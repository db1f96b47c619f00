import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { SharedLineComment } from '@takehome/contracts';

/** Line comments reviewers shared with the candidate, as the lead previews them and the candidate reads them. */
export function SharedLineComments({ comments, heading, note }: { comments: SharedLineComment[]; heading: string; note?: string }) {
  if (!comments.length) return null;
  return (
    <Stack gap="xs" aria-label={heading}>
      <Title order={2} size="h5">{heading}</Title>
      {note && <Text size="sm" c="dimmed">{note}</Text>}
      {comments.map((c, i) => (
        <Card withBorder key={`${c.path}:${c.line}:${i}`} padding="sm">
          <Group justify="space-between" gap="xs">
            <Text ff="monospace" size="sm">{c.path}, {c.onDiff ? 'line ' + c.line + ' of the changes' : 'line ' + c.line}</Text>
            {c.criterionTitle && <Badge variant="light">{c.criterionTitle}</Badge>}
          </Group>
          <Text mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.body}</Text>
        </Card>
      ))}
    </Stack>
  );
}
