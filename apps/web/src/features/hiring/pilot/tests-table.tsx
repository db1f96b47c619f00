import { Alert, Badge, Group, Progress, Table, Text } from '@mantine/core';
import type { PilotTestStat } from '@takehome/contracts';
import { formatPercent } from '../format';

const reference = (passes: boolean | null) =>
  passes === null ? <Text c="dimmed" aria-label="never verified">—</Text> : passes ? <Text c="green.8" aria-label="passes">✓</Text> : <Text c="red.7" aria-label="fails">✗</Text>;

/** Flagged tests first: a test nobody passes (or the reference fails) is more likely wrong than the team. */
export function TestsTable({ tests }: { tests: PilotTestStat[] }) {
  if (!tests.length) return <Text c="dimmed">No pilot submission has been graded yet.</Text>;
  const sorted = [...tests].sort((a, b) => Number(b.flagged) - Number(a.flagged));
  const flagged = tests.filter((t) => t.flagged).length;
  return (
    <>
      {flagged > 0 && (
        <Alert color="orange" mb="sm" title={`${flagged} test${flagged === 1 ? '' : 's'} may be wrong`}>
          Check these before launch: a broken test marks down every candidate.
        </Alert>
      )}
      <Table aria-label="Pilot tests" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Test</Table.Th>
            <Table.Th>Visibility</Table.Th>
            <Table.Th>Passed</Table.Th>
            <Table.Th w={200}>Pass rate</Table.Th>
            <Table.Th>Reference</Table.Th>
            <Table.Th>Flag</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((t) => (
            <Table.Tr key={`${t.visibility}-${t.name}`} bg={t.flagged ? 'var(--mantine-color-orange-light)' : undefined}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {t.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" size="sm" color={t.visibility === 'hidden' ? 'dark' : 'blue'} style={{ overflow: 'visible' }}>
                  {t.visibility}
                </Badge>
              </Table.Td>
              <Table.Td>
                {t.passed}/{t.total}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Progress
                    value={(t.passRate ?? 0) * 100}
                    color={t.passRate === null ? 'gray' : t.passRate < 0.34 ? 'red' : t.passRate < 0.67 ? 'yellow' : 'green'}
                    w={120}
                    aria-label={`${t.name} pass rate`}
                  />
                  <Text size="xs">{formatPercent(t.passRate)}</Text>
                </Group>
              </Table.Td>
              <Table.Td>{reference(t.referencePasses)}</Table.Td>
              <Table.Td>
                {t.flagged && (
                  <Badge color="orange" variant="filled" size="sm">
                    Possibly wrong
                  </Badge>
                )}
                {t.flagged && t.flagReason && (
                  <Text size="xs" c="orange.9" maw={280}>
                    {t.flagReason}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
