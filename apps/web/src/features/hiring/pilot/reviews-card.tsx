import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { PilotReport } from '@takehome/contracts';
import { formatNumber } from '../format';

type Score = PilotReport['reviews']['criteria'][number]['scores'][number];
/** One badge per teammate with every reviewer's level side by side: disagreement shows at a glance. */
function byTaker(scores: Score[]): [string, Score[]][] {
  // Keyed by invitation: two teammates may share a name.
  const groups = new Map<string, Score[]>();
  for (const s of scores) groups.set(s.invitationId, [...(groups.get(s.invitationId) ?? []), s]);
  return [...groups.values()].map((group) => [group[0].takerName, group]);
}

/** Krippendorff's usual thresholds, in words a hiring lead can act on. */
export function interpretAlpha(alpha: number | null): { color: string; words: string } {
  if (alpha === null) return { color: 'gray', words: 'Not enough overlapping reviews yet: it needs at least two reviewers scoring the same submissions.' };
  if (alpha >= 0.8) return { color: 'green', words: 'Reviewers agree well: the rubric is read the same way by everyone.' };
  if (alpha >= 0.667) return { color: 'yellow', words: 'Reviewers roughly agree: usable, but talk through the criteria where scores spread.' };
  return { color: 'red', words: 'Reviewers read the rubric differently: calibrate the team (or sharpen the descriptors) before launch.' };
}

export function ReviewsCard({ reviews }: { reviews: PilotReport['reviews'] }) {
  const alpha = interpretAlpha(reviews.alpha);
  return (
    <Stack gap="sm">
      <Card withBorder aria-label="Reviewer agreement">
        <Group gap="md" align="center">
          <Text size="xl" fw={700}>
            α = {reviews.alpha === null ? '—' : reviews.alpha.toFixed(2)}
          </Text>
          <Badge color={alpha.color} variant="light">
            {reviews.alpha === null ? 'too few reviews' : reviews.alpha >= 0.8 ? 'good agreement' : reviews.alpha >= 0.667 ? 'tentative' : 'calibrate'}
          </Badge>
        </Group>
        <Text size="sm" mt={4}>
          {alpha.words}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          Krippendorff's alpha (interval) over {reviews.submitted} submitted pilot review{reviews.submitted === 1 ? '' : 's'}. 1 is perfect agreement, 0 is no better
          than chance.
        </Text>
      </Card>
      {reviews.criteria.length > 0 && (
        <Table aria-label="Rubric scores" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Criterion</Table.Th>
              <Table.Th>Mean</Table.Th>
              <Table.Th>Largest spread</Table.Th>
              <Table.Th>Levels (1–4) per teammate, one per reviewer</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reviews.criteria.map((c) => (
              <Table.Tr key={c.key} bg={c.maxSpread >= 2 ? 'var(--mantine-color-orange-light)' : undefined}>
                <Table.Td>{c.title}</Table.Td>
                <Table.Td fw={600}>{formatNumber(c.mean, 2)}</Table.Td>
                <Table.Td>
                  {c.maxSpread}
                  {c.maxSpread >= 2 && (
                    <Text span size="xs" fw={700} c="orange.8" ml={6}>
                      calibrate
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {byTaker(c.scores).map(([taker, scores]) => (
                      <Badge key={scores[0].invitationId} variant="light" color="gray" tt="none" title={scores.map((s) => `${s.reviewerName}: ${s.level}`).join(', ')}>
                        {taker}: {scores.map((s) => s.level).join(' · ')}
                      </Badge>
                    ))}
                    {c.scores.length === 0 && '—'}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
