import { Alert, Anchor, Badge, Breadcrumbs, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { AssessmentView } from '@takehome/contracts';
import { Link, useParams, useSearchParams } from 'react-router';
import { AnalyticsTab } from './analytics/analytics-tab';
import { StatusBadge } from './badges';
import { formatDate } from './format';
import { useAssessment } from './hooks/use-assessments';
import { LifecycleActions } from './lifecycle-actions';
import { PilotReportTab } from './pilot/pilot-report-tab';
import { PipelineTab } from './pipeline/pipeline-tab';
import { ReviewSettingsCard } from './review-settings-card';
import { SettingsCard } from './settings-card';

const tabs = ['pilot', 'pipeline', 'analytics'] as const;
type TabName = (typeof tabs)[number];

export function AssessmentPage() {
  const { id = '' } = useParams();
  const { data, error, isPending } = useAssessment(id);
  useDocumentTitle(data ? `${data.name} · Assessments · Takehome` : 'Assessment · Takehome');
  if (isPending) return <Loader aria-label="Loading the assessment" />;
  if (error) return <Alert color="red" title="Could not load this assessment">{error.message}</Alert>;
  return <AssessmentDetail assessment={data} />;
}

function AssessmentDetail({ assessment }: { assessment: AssessmentView }) {
  const [params, setParams] = useSearchParams();
  const hasPilot = assessment.status !== 'DRAFT';
  // The tab lives in the URL so a reload or a shared link opens the same one; the default follows the lifecycle.
  const fallback: TabName = assessment.status === 'PILOT' ? 'pilot' : 'pipeline';
  const wanted = params.get('tab') as TabName;
  const tab: TabName = tabs.includes(wanted) && (wanted !== 'pilot' || hasPilot) ? wanted : fallback;

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/assessments">
          Assessments
        </Anchor>
        <Text>{assessment.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1}>{assessment.name}</Title>
            <StatusBadge status={assessment.status} size="lg" />
          </Group>
          <Group gap="xs" mt={4}>
            <Anchor component={Link} to={`/challenges/${assessment.challenge.id}/versions/${assessment.challenge.versionId}`} size="sm">
              {assessment.challenge.title}
            </Anchor>
            <Badge variant="outline" size="sm">
              v{assessment.challenge.version}
            </Badge>
            <Text size="sm" c="dimmed">
              · {assessment.invitations} invitation{assessment.invitations === 1 ? '' : 's'}
              {assessment.launchedAt ? ` · launched ${formatDate(assessment.launchedAt)}` : ''}
            </Text>
          </Group>
        </div>
        <LifecycleActions assessment={assessment} />
      </Group>
      <SettingsCard assessment={assessment} />
      <ReviewSettingsCard assessment={assessment} />
      <Tabs value={tab} onChange={(value) => setParams({ tab: value ?? fallback }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {hasPilot && <Tabs.Tab value="pilot">Pilot report</Tabs.Tab>}
          <Tabs.Tab value="pipeline">Pipeline</Tabs.Tab>
          <Tabs.Tab value="analytics">Analytics</Tabs.Tab>
        </Tabs.List>
        {hasPilot && (
          <Tabs.Panel value="pilot" pt="md">
            <PilotReportTab assessment={assessment} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="pipeline" pt="md">
          <PipelineTab assessment={assessment} />
        </Tabs.Panel>
        <Tabs.Panel value="analytics" pt="md">
          <AnalyticsTab assessment={assessment} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
