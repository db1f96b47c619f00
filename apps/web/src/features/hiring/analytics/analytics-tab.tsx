import { Alert, Card, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AssessmentView, InvitationKind } from '@takehome/contracts';
import { useState } from 'react';
import { formatHours, formatMinutes, formatPercent, stageLabels } from '../format';
import { useAnalytics } from '../hooks/use-pipeline';
import { Stat } from '../pilot/time-card';
import { BarList } from './bar-list';

export function AnalyticsTab({ assessment }: { assessment: AssessmentView }) {
  // Until launch the only people are teammates; afterwards candidates are what the lead came for.
  const [kind, setKind] = useState<InvitationKind>(assessment.status === 'LIVE' || assessment.status === 'CLOSED' ? 'CANDIDATE' : 'PILOT');
  const { data, error, isPending } = useAnalytics(assessment.id, kind);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Analytics</Title>
        <SegmentedControl
          aria-label="Whose analytics"
          value={kind}
          onChange={(v) => setKind(v as InvitationKind)}
          data={[
            { value: 'CANDIDATE', label: 'Candidates' },
            { value: 'PILOT', label: 'Pilot' },
          ]}
        />
      </Group>
      {isPending && <Loader aria-label="Loading analytics" />}
      {error && <Alert color="red" title="Could not load analytics">{error.message}</Alert>}
      {data && data.invited === 0 && <Text c="dimmed">No {kind === 'PILOT' ? 'pilot' : 'candidate'} invitations yet.</Text>}
      {data && data.invited > 0 && (
        <>
          <Card withBorder aria-label="Summary">
            <Group gap="xl">
              <Stat label="Completion rate" value={formatPercent(data.completionRate)} />
              <Stat label="Invited" value={String(data.invited)} />
              <Stat label="Expired" value={String(data.expired)} />
              <Stat label="Revoked" value={String(data.revoked)} />
              <Stat label="Median time taken" value={formatMinutes(data.minutesTaken.median)} />
              <Stat label="Time to feedback (median)" value={formatHours(data.timeToFeedbackHours.median)} />
              <Stat label="Time to feedback (p90)" value={formatHours(data.timeToFeedbackHours.p90)} />
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              Completion is submitted over invited (revoked invitations left out). Time to feedback counts from submission to release, over{' '}
              {data.timeToFeedbackHours.count} candidate{data.timeToFeedbackHours.count === 1 ? '' : 's'}.
            </Text>
          </Card>
          <Card withBorder>
            <Title order={3} size="h4" mb="xs">
              Drop-off by stage
            </Title>
            <BarList
              label="Drop-off by stage" heading="Stage" valueHeading="Reached"
              bars={data.dropOff.map((d) => ({
                label: stageLabels[d.stage],
                value: d.reached,
                note: d.lostFromPrevious > 0 ? `${d.lostFromPrevious} lost from the stage before (${formatPercent(d.lostRate)})` : undefined,
              }))}
            />
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                Hidden tests passed
              </Title>
              <BarList label="Hidden test distribution" heading="Passed" color="teal" bars={data.hiddenTestDistribution.map((b) => ({ label: b.label, value: b.count }))} />
            </Card>
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                Rubric totals
              </Title>
              <BarList label="Rubric distribution" heading="Weighted total" color="grape" bars={data.rubricDistribution.map((b) => ({ label: b.label, value: b.count }))} />
            </Card>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
