import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Group, List, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { CandidateReport } from '@takehome/contracts';
import { Link, useParams } from 'react-router';
import { recommendationLabels } from '../../review/format';
import { KindBadge, StageBadge } from '../badges';
import { formatDate, formatNumber } from '../format';
import { useAssessment } from '../hooks/use-assessments';
import { useCandidateReport } from '../hooks/use-pilot-report';
import { testsLine, timeLine, versus, versusColor } from './compare';
import { EraseCandidate } from './erase-candidate';

export function CandidateReportPage() {
  const { id = '', invitationId = '' } = useParams();
  const report = useCandidateReport(id, invitationId);
  const assessment = useAssessment(id);
  useDocumentTitle(report.data ? `${report.data.name} · Report · Takehome` : 'Candidate report · Takehome');

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/assessments">
          Assessments
        </Anchor>
        <Anchor component={Link} to={`/assessments/${id}?tab=pipeline`}>
          {assessment.data?.name ?? 'Assessment'}
        </Anchor>
        <Text>{report.data?.name ?? 'Report'}</Text>
      </Breadcrumbs>
      {report.isPending && <Loader aria-label="Loading the report" />}
      {report.error && <Alert color="red" title="Could not load this report">{report.error.message}</Alert>}
      {report.data && <ReportView report={report.data} />}
    </Stack>
  );
}

function ReportView({ report }: { report: CandidateReport }) {
  const baseline = report.baseline;
  const rubric = report.rubric;
  return (
    <>
      <div>
        <Group gap="sm">
          <Title order={1}>{report.name}</Title>
          <KindBadge kind={report.kind} />
          <StageBadge stage={report.stage} />
        </Group>
        <Text c="dimmed">
          {report.erasedAt
            ? `Personal data erased ${formatDate(report.erasedAt)}.`
            : (report.email ?? 'Identity hidden until every review of this submission is in: you are one of its reviewers.')}
        </Text>
      </div>
      {!baseline && (
        <Alert color="gray" title="No pilot baseline">
          {report.kind === 'PILOT'
            ? 'This is a pilot taker: the baseline is made from the pilot at launch.'
            : 'This assessment launched without a pilot, so there is nothing to compare these scores with.'}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <ScoreCard label="Time" line={timeLine(report.minutesTaken, report.timeLimitMinutes, baseline ? baseline.medianMinutes : undefined)}>
          {report.ranOutOfTime && (
            <Badge color="orange" variant="light">
              ran out of time
            </Badge>
          )}
        </ScoreCard>
        <ScoreCard label="Hidden tests" line={testsLine('Hidden tests', report.hiddenTests, !!baseline)} tone={versus(report.hiddenTests?.passed ?? null, report.hiddenTests?.pilotMedian ?? null)} />
        <ScoreCard label="Visible tests" line={testsLine('Visible tests', report.visibleTests, !!baseline)} tone={versus(report.visibleTests?.passed ?? null, report.visibleTests?.pilotMedian ?? null)} />
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Rubric
        </Title>
        {!rubric || rubric.criteria.length === 0 ? (
          <Text c="dimmed">No review has been submitted yet.</Text>
        ) : (
          <>
            <Text mb="xs" aria-label="Rubric weighted total">
              Weighted total <b>{formatNumber(rubric.weightedTotal, 2)}</b>
              {baseline && ` · pilot median ${formatNumber(rubric.pilotMedian, 2)}`}
            </Text>
            <Table aria-label="Rubric against the pilot" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Criterion</Table.Th>
                  <Table.Th>Score (mean of reviewers, 1–4)</Table.Th>
                  {baseline && <Table.Th>Pilot median</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rubric.criteria.map((c) => {
                  const tone = versus(c.mean, c.pilotMedian);
                  return (
                    <Table.Tr key={c.key}>
                      <Table.Td>{c.title}</Table.Td>
                      <Table.Td>
                        <Text fw={600} c={baseline && tone ? `${versusColor[tone]}.8` : undefined}>
                          {formatNumber(c.mean, 2)}
                        </Text>
                      </Table.Td>
                      {baseline && <Table.Td>{formatNumber(c.pilotMedian, 2)}</Table.Td>}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Recommendations
          </Title>
          {report.recommendations.length ? (
            <List aria-label="Recommendations" size="sm">
              {report.recommendations.map((r, i) => (
                <List.Item key={i}>{recommendationLabels[r as keyof typeof recommendationLabels] ?? r}</List.Item>
              ))}
            </List>
          ) : (
            <Text c="dimmed">None yet.</Text>
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Feedback
          </Title>
          <Text mb="xs">
            {report.feedbackReleasedAt ? `Released ${formatDate(report.feedbackReleasedAt)}.` : report.submissionId ? 'Not released yet.' : 'Nothing submitted yet.'}
          </Text>
          {report.submissionId && (
            <Group>
              <Button component={Link} to={`/review/feedback/${report.submissionId}`} size="xs" variant="light">
                {report.feedbackReleasedAt ? 'Open feedback' : 'Write feedback'}
              </Button>
            </Group>
          )}
        </Card>
      </SimpleGrid>
      <EraseCandidate invitationId={report.invitationId} name={report.name} erasedAt={report.erasedAt} />
    </>
  );
}

function ScoreCard({ label, line, tone, children }: { label: string; line: string; tone?: ReturnType<typeof versus>; children?: React.ReactNode }) {
  return (
    <Card withBorder aria-label={label}>
      <Text fw={600} c={tone ? `${versusColor[tone]}.9` : undefined}>
        {line}
      </Text>
      {children}
    </Card>
  );
}
