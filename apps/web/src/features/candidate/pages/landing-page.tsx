import { Alert, Badge, Button, Card, Container, Group, List, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { RUNTIME_OFFERINGS, type CandidateOverview } from '@takehome/contracts';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { errorMessage } from '../../../api/http';
import { useStartAttempt } from '../hooks/use-candidate';
import { ChallengeServicesList } from '../services/challenge-services-list';

const offering = (r: string) => RUNTIME_OFFERINGS[r as keyof typeof RUNTIME_OFFERINGS];
/** "express 5.1, zod 4.1" or "standard library only": what the candidate may use without a network. */
const librariesOf = (r: string) => {
  const libs = Object.entries(offering(r)?.libraries ?? {});
  return libs.length ? `${libs.map(([name, v]) => `${name} ${v}`).join(', ')} and the standard library` : 'standard library only';
};
const hours = (m: number) => (m >= 60 ? `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}` : `${m} min`);

/** Everything a candidate should know before the clock starts; only "Start" starts it. */
export function LandingPage({ overview }: { overview: CandidateOverview }) {
  const { challenge } = overview;
  const [runtime, setRuntime] = useState(challenge.runtimes[0] ?? '');
  const start = useStartAttempt();
  const total = overview.timeLimitMinutes + overview.accommodationMinutes;
  useDocumentTitle(`${challenge.title} · Takehome`);
  return (
    <Container size="md" py="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Text c="dimmed">Hello {overview.candidateName}, this is your assessment for {overview.assessmentName}.</Text>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>{challenge.title}</Title>
          <Text size="lg">{challenge.summary}</Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Card withBorder>
            <Title order={2} size="h4">Time</Title>
            <Text mt="xs" aria-label="Time limit">
              You have <b>{hours(total)}</b> from the moment you press Start
              {overview.accommodationMinutes > 0 && ` (${hours(overview.timeLimitMinutes)} plus ${overview.accommodationMinutes} min accommodation)`}.
            </Text>
            <Text size="sm" c="dimmed" mt="xs">The clock runs on our server, also while this page is closed. Your work is saved as you type; when time is up, your last saved state is submitted for you.</Text>
          </Card>
          <Card withBorder>
            <Title order={2} size="h4">Skills assessed</Title>
            <Group gap="xs" mt="xs">
              {challenge.skills.map((s) => <Badge key={s} variant="light">{s.replace(/-/g, ' ')}</Badge>)}
            </Group>
          </Card>
        </SimpleGrid>
        {challenge.services.length > 0 && (
          <Card withBorder>
            <Title order={2} size="h4">Services your code gets</Title>
            <Text mt="xs" mb="xs">Every run (your practice runs and the final tests) starts these beside your service, ready before it starts:</Text>
            <ChallengeServicesList services={challenge.services} />
          </Card>
        )}
        <Card withBorder>
          <Title order={2} size="h4">How your work is evaluated</Title>
          <Text mt="xs">
            A visible test suite you can run as often as {overview.practiceRunsPerHour} times per hour checks the basics. After you submit,
            {overview.hasHiddenTests ? ' a hidden test suite checks more behaviour, and ' : ' '}
            reviewers from the team read your code against these criteria, without seeing your name:
          </Text>
          <List mt="sm" spacing="xs">
            {challenge.criteria.map((c) => (
              <List.Item key={c.title}>
                <Text fw={600} span>{c.title}</Text>
                <Text size="sm" c="dimmed">{c.description}</Text>
              </List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4">What happens to your code</Title>
          <Text mt="xs">
            Your code runs only in an isolated sandbox without network access{challenge.services.length > 0 ? ' (it reaches only the services above)' : ''}, and is read only by the team that invited you. After you submit, a short
            survey asks how it went. Everyone gets written feedback: you will find it on this page (open it with the same link in this browser) once
            the team releases it, usually within a few working days.
          </Text>
          {overview.codeHistoryShownToReviewers && (
            <Text mt="xs" aria-label="Code history">
              Every autosave is kept as a history of your code. Reviewers can replay how your code took shape, see when you ran the
              tests and what they scored, and how long you worked. They still do not see your name.
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Radio.Group label="Choose your language" description="The starter files for it are copied into your workspace." value={runtime} onChange={setRuntime}>
            <Group mt="xs">
              {challenge.runtimes.map((r) => <Radio key={r} value={r} label={offering(r)?.language ?? r} description={librariesOf(r)} />)}
            </Group>
          </Radio.Group>
          {start.error && <Alert color="red" mt="sm" role="alert">{errorMessage(start.error)}</Alert>}
          <Group mt="md">
            <Button size="md" onClick={() => start.mutate(runtime)} loading={start.isPending} disabled={!runtime}>
              Start the assessment ({hours(total)})
            </Button>
          </Group>
        </Card>
      </Stack>
    </Container>
  );
}
