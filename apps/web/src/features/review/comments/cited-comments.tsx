import { Badge, Group } from '@mantine/core';
import { useLineComments } from './use-line-comments';

/** The line comments cited as evidence for one criterion, under its levels: the score and its evidence together. */
export function CitedComments({ submissionId, criterionId }: { submissionId: string; criterionId: string }) {
  const cited = (useLineComments(submissionId).data ?? []).filter((c) => c.criterionId === criterionId);
  if (!cited.length) return null;
  return (
    <Group gap={4} mt="xs" aria-label="Cited line comments">
      {cited.map((c) => (
        <Badge key={c.id} variant="outline" size="sm" title={c.body} style={{ textTransform: 'none' }}>
          {c.path}:{c.line}{c.onDiff ? ' (diff)' : ''}
        </Badge>
      ))}
    </Group>
  );
}
