import { Alert, Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { AssessmentView } from '@takehome/contracts';
import { formatDate } from '../format';
import { usePilotReport } from '../hooks/use-pilot-report';
import { ReviewsCard } from './reviews-card';
import { SurveyCard } from './survey-card';
import { TakersTable } from './takers-table';
import { TestsTable } from './tests-table';
import { TimeCard } from './time-card';

/** Everything the lead needs to decide whether the assessment is ready: time, tests, reviewers, and what the team said. */
export function PilotReportTab({ assessment }: { assessment: AssessmentView }) {
  const live = assessment.status === 'PILOT';
  const { data: report, error, isPending, dataUpdatedAt } = usePilotReport(assessment.id, live);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="baseline">
        <Title order={2}>Pilot report</Title>
        {live && (
          // Not a live region: the time changes every ten seconds and would be read out each time.
          <Group gap={6}>
            <Badge color="green" variant="dot">
              Updated live
            </Badge>
            {dataUpdatedAt > 0 && (
              <Text size="xs" c="dimmed">
                as of {new Date(dataUpdatedAt).toLocaleTimeString()}
              </Text>
            )}
          </Group>
        )}
      </Group>
      {isPending && <Loader aria-label="Loading the pilot report" />}
      {error && <Alert color="red" title="Could not load the pilot report">{error.message}</Alert>}
      {report && report.invited === 0 && (
        // An empty state, not a table of 0/0: nothing was measured, so there is nothing to read yet.
        <Alert color="gray" title={live ? 'No pilot takers yet' : 'This assessment had no pilot'}>
          {live
            ? 'Invite teammates as pilot takers from the Pipeline tab. Their time, test results, reviews and survey answers appear here as they finish.'
            : 'It launched without teammates taking it first, so there are no pilot results to compare candidates with.'}
        </Alert>
      )}
      {report && report.invited > 0 && (
        <>
          {report.baseline ? (
            <Alert color="blue" title="Frozen as the baseline">
              Frozen at launch ({formatDate(report.baseline.frozenAt)}) from {report.baseline.takers} pilot taker{report.baseline.takers === 1 ? '' : 's'}. Every
              candidate's report compares with it.
            </Alert>
          ) : (
            !live && <Alert color="gray">This assessment launched without a pilot baseline.</Alert>
          )}
          {report.mutants.length === 0 && (
            <Alert color="orange" title="The hidden suite is not proven by mutants">
              This challenge version ships no mutants: nothing shows that its hidden tests catch plausible mistakes. Add <code>mutants/&lt;runtime&gt;/</code> to the challenge and run <code>assess challenge validate</code>.
            </Alert>
          )}
          <Text>
            <b>{report.finished}</b> of <b>{report.invited}</b> teammate{report.invited === 1 ? '' : 's'} finished.
          </Text>
          {report.finished === 0 && (
            <Alert color="gray">Nobody has finished the pilot yet: time, test and review results appear once someone submits.</Alert>
          )}
          {report.finished > 0 && <TimeCard report={report} />}
          <section aria-labelledby="pilot-takers-heading">
            <Title order={3} size="h4" mb="xs" id="pilot-takers-heading">
              Takers
            </Title>
            <TakersTable report={report} />
          </section>
          {report.finished > 0 && (
          <>
          <section aria-labelledby="pilot-tests-heading">
            <Title order={3} size="h4" mb="xs" id="pilot-tests-heading">
              Tests
            </Title>
            <TestsTable tests={report.tests} />
          </section>
          <section aria-labelledby="pilot-reviews-heading">
            <Title order={3} size="h4" mb="xs" id="pilot-reviews-heading">
              Reviews
            </Title>
            <ReviewsCard reviews={report.reviews} />
          </section>
          </>
          )}
          <section aria-labelledby="pilot-survey-heading">
            <Title order={3} size="h4" mb="xs" id="pilot-survey-heading">
              Survey
            </Title>
            <SurveyCard survey={report.survey} timeLimitMinutes={report.timeLimitMinutes} />
          </section>
        </>
      )}
    </Stack>
  );
}
