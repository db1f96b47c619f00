import { Box, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { PilotReport } from '@takehome/contracts';
import { formatMinutes } from '../format';

/**
 * Whether the limit fits: the spread of finishing times on one scale with the limit marked. When the middle
 * half sits close to the limit, candidates (under more pressure than teammates) will run out of time.
 */
export function TimeCard({ report }: { report: PilotReport }) {
  const { minutesTaken: m, timeLimitMinutes: limit } = report;
  const scale = Math.max(limit, m.max ?? 0) * 1.05;
  const at = (minutes: number) => `${(minutes / scale) * 100}%`;
  const verdict =
    m.median === null
      ? 'Nobody has finished yet.'
      : m.p75 !== null && m.p75 > limit * 0.9
        ? 'A quarter of the team needed nearly all the time or more: consider a longer limit or a smaller task.'
        : m.median < limit * 0.5
          ? 'The team finished in under half the limit: the limit has room to spare.'
          : 'The limit looks right for the team.';

  return (
    <Card withBorder aria-label="Time taken">
      <Title order={3} size="h5">
        Time taken
      </Title>
      <Group gap="xl" mt="xs">
        <Stat label="Median" value={formatMinutes(m.median)} />
        <Stat label="Middle half (p25–p75)" value={m.p25 === null ? '—' : `${formatMinutes(m.p25)} – ${formatMinutes(m.p75)}`} />
        <Stat label="Fastest – slowest" value={m.min === null ? '—' : `${formatMinutes(m.min)} – ${formatMinutes(m.max)}`} />
        <Stat label="Limit" value={`${limit} min`} />
        <Stat label="Ran out of time" value={`${report.ranOutOfTime} of ${m.count}`} />
      </Group>
      {m.min !== null && m.max !== null && m.p25 !== null && m.p75 !== null && m.median !== null && (
        <Box pos="relative" h={28} mt="md" mb="lg" role="img" aria-label={`Finishing times from ${formatMinutes(m.min)} to ${formatMinutes(m.max)} against a ${limit} minute limit`}>
          <Box pos="absolute" top={13} h={2} left={at(m.min)} w={`calc(${at(m.max)} - ${at(m.min)})`} bg="gray.5" />
          <Box pos="absolute" top={6} h={16} left={at(m.p25)} w={`calc(${at(m.p75)} - ${at(m.p25)} + 2px)`} bg="indigo.3" style={{ borderRadius: 4 }} />
          <Box pos="absolute" top={4} h={20} w={3} left={at(m.median)} bg="indigo.8" />
          <Tooltip label={`Limit: ${limit} min`}>
            <Box pos="absolute" top={0} h={28} w={2} left={at(limit)} bg="red.6" />
          </Tooltip>
          <Text pos="absolute" top={30} left={0} size="xs" c="dimmed" aria-hidden>
            0
          </Text>
          <Text pos="absolute" top={30} left={at(limit)} size="xs" c="red.7" aria-hidden style={{ transform: 'translateX(-50%)', whiteSpace: 'nowrap' }}>
            limit {limit}
          </Text>
          <Text pos="absolute" top={30} left={at(m.median)} size="xs" c="indigo.8" aria-hidden style={{ transform: `translateX(${labelShift(at(m.median))})`, whiteSpace: 'nowrap' }}>
            median {formatMinutes(m.median)}
          </Text>
        </Box>
      )}
      <Text size="sm" c="dimmed" mt="xs">
        {verdict}
      </Text>
    </Card>
  );
}

export const Stat = ({ label, value }: { label: string; value: string }) => (
  <Stack gap={0}>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text fw={700}>{value}</Text>
  </Stack>
);

/** Centred under its mark, except near either edge, where it is kept inside the chart. */
function labelShift(left: string): string {
  const percent = parseFloat(left);
  return percent < 10 ? '0%' : percent > 90 ? '-100%' : '-50%';
}
