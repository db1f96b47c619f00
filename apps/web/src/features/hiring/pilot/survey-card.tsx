import { Group, Stack, Table, Text } from '@mantine/core';
import type { PilotReport } from '@takehome/contracts';
import { formatMinutes, formatNumber } from '../format';
import { Stat } from './time-card';

/** What teammates say they spent can differ from the clock (breaks, reading first); both matter for the limit. */
export function SurveyCard({ survey, timeLimitMinutes }: { survey: PilotReport['survey']; timeLimitMinutes: number }) {
  if (!survey.responses.length) return <Text c="dimmed">No survey answers yet: teammates answer right after submitting.</Text>;
  return (
    <Stack gap="sm">
      <Group gap="xl">
        <Stat label="Median minutes spent (self-reported)" value={`${formatMinutes(survey.medianMinutesSpent)} of ${timeLimitMinutes}`} />
        <Stat label="Mean difficulty (1–5)" value={formatNumber(survey.meanDifficulty)} />
        <Stat label="Mean prompt clarity (1–5)" value={formatNumber(survey.meanClarity)} />
      </Group>
      <Table aria-label="Survey answers" striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Teammate</Table.Th>
            <Table.Th>Minutes spent</Table.Th>
            <Table.Th>Difficulty</Table.Th>
            <Table.Th>Clarity</Table.Th>
            <Table.Th>Comments</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {survey.responses.map((r) => (
            <Table.Tr key={r.invitationId}>
              <Table.Td>{r.takerName}</Table.Td>
              <Table.Td>{r.minutesSpent}</Table.Td>
              <Table.Td>{r.difficulty}/5</Table.Td>
              <Table.Td>{r.promptClarity}/5</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.comments || '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
