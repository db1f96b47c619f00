import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { PilotReport } from '@takehome/contracts';
import { Link } from 'react-router';
import { StageBadge } from '../badges';
import { formatMinutes, formatNumber } from '../format';

const score = (s: { score: number; maxScore: number } | null) => (s ? `${s.score}/${s.maxScore}` : '—');

export function TakersTable({ report }: { report: PilotReport }) {
  if (!report.takers.length) return <Text c="dimmed">No teammate has been invited yet: invite them from the Pipeline tab.</Text>;
  return (
    <Table striped aria-label="Pilot takers">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Teammate</Table.Th>
          <Table.Th>Stage</Table.Th>
          <Table.Th>Time taken</Table.Th>
          <Table.Th>Hidden tests</Table.Th>
          <Table.Th>Visible tests</Table.Th>
          <Table.Th>Rubric</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.takers.map((t) => (
          <Table.Tr key={t.invitationId}>
            <Table.Td>
              <Anchor component={Link} to={`/assessments/${report.assessmentId}/invitations/${t.invitationId}`} size="sm" fw={600}>
                {t.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t.email}
              </Text>
            </Table.Td>
            <Table.Td>
              <StageBadge stage={t.stage} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {formatMinutes(t.minutesTaken)} <Text span c="dimmed" size="xs">of {t.minutesAllowed}</Text>
              </Text>
              {t.ranOutOfTime && (
                <Badge size="xs" color="orange" variant="light">
                  ran out of time
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{score(t.hiddenTests)}</Table.Td>
            <Table.Td>{score(t.visibleTests)}</Table.Td>
            <Table.Td>{t.rubricScore === null ? '—' : formatNumber(t.rubricScore, 2)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
