import { useDocumentTitle } from '@mantine/hooks';
import { Alert, Badge, Grid, Group, Loader, ScrollArea, Stack, Tabs, Text, Title } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { LineCommentsPanel } from './comments/line-comments-panel';
import { DiffPanel } from './diff-panel';
import { FilesPanel } from './files-panel';
import { PlaybackPanel } from './playback/playback-panel';
import { SimilarityPanel, useSimilarity } from './similarity/similarity-panel';
import { useReviewWorkspace } from './hooks/use-reviews';
import { ResultsPanel, resultsSummary, RunLogsPanel } from './results-panel';
import { RubricForm } from './rubric-form';

export function ReviewPage() {
  const { submissionId = '' } = useParams();
  // The similarity flag list links straight to the side-by-side view (?tab=similarity).
  const [searchParams] = useSearchParams();
  const workspace = useReviewWorkspace(submissionId);
  const similarity = useSimilarity(submissionId);
  const flagged = similarity.data?.pairs.length ?? 0;
  const ws = workspace.data;
  // The title is reviewer-facing too: pseudonym only while blind (the API sends no name then anyway).
  const who = ws ? (ws.candidate.name ?? ws.candidate.pseudonym) : 'Review';
  useDocumentTitle(`Review · ${who} · Takehome`);

  if (workspace.isPending) return <Loader />;
  if (workspace.error) return <Alert color="red">{workspace.error.message}</Alert>;
  if (!ws) return null;
  const over = ws.timing.minutesTaken > ws.timing.limitMinutes;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{who}</Title>
          <Text c="dimmed" size="sm">
            {ws.assessmentName} · {ws.challengeTitle} · {ws.runtime}
          </Text>
        </div>
        <Group gap="xs">
          {ws.blind && <Badge variant="light">Blind review</Badge>}
          {ws.myReview?.status === 'SUBMITTED' && <Badge color="green">Review submitted</Badge>}
          <Badge color={over ? 'orange' : 'gray'} variant="light" aria-label="Time taken">
            {ws.timing.minutesTaken} of {ws.timing.limitMinutes} min
          </Badge>
          {ws.run && (
            <Badge color="indigo" variant="light" tt="none" aria-label="Grading score">
              {resultsSummary(ws.run)}
            </Badge>
          )}
        </Group>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Tabs defaultValue={searchParams.get('tab') === 'similarity' ? 'similarity' : 'files'} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="files">Files</Tabs.Tab>
              <Tabs.Tab value="diff">Diff vs starter</Tabs.Tab>
              <Tabs.Tab value="tests">Test results</Tabs.Tab>
              <Tabs.Tab value="logs">Logs</Tabs.Tab>
              <Tabs.Tab value="playback">Playback</Tabs.Tab>
              <Tabs.Tab value="comments">Line comments</Tabs.Tab>
              <Tabs.Tab value="similarity" rightSection={flagged ? <Badge size="xs" color="orange" aria-label={`${flagged} similarity flags`}>{flagged}</Badge> : null}>
                Similarity
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="files" pt="sm">
              <FilesPanel files={ws.files} />
            </Tabs.Panel>
            <Tabs.Panel value="diff" pt="sm">
              <DiffPanel starter={ws.starterFiles} files={ws.files} />
            </Tabs.Panel>
            <Tabs.Panel value="tests" pt="sm">
              <ResultsPanel run={ws.run} />
            </Tabs.Panel>
            <Tabs.Panel value="logs" pt="sm">
              <RunLogsPanel run={ws.run} />
            </Tabs.Panel>
            <Tabs.Panel value="playback" pt="sm">
              <PlaybackPanel submissionId={ws.submissionId} />
            </Tabs.Panel>
            <Tabs.Panel value="similarity" pt="sm">
              <SimilarityPanel submissionId={ws.submissionId} pseudonym={ws.candidate.pseudonym} />
            </Tabs.Panel>
            <Tabs.Panel value="comments" pt="sm">
              <LineCommentsPanel workspace={ws} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ScrollArea.Autosize mah="80vh">
            {/* Remount only when the review becomes final, so saving a draft keeps what is being typed. */}
            <RubricForm key={ws.myReview?.status === 'SUBMITTED' ? 'final' : 'editing'} workspace={ws} />
          </ScrollArea.Autosize>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
