import { useDocumentTitle } from '@mantine/hooks';
import { Alert, Button, Grid, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { FeedbackComposer, FeedbackCriterion, ReviewAggregate } from '@takehome/contracts';
import { useState } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { ConfirmModal } from '../hiring/confirm-modal';
import { useParams } from 'react-router';
import { SharedLineComments } from '../review/comments/shared-line-comments';
import { useReviewAggregate } from '../review/hooks/use-reviews';
import { AggregateTable } from './aggregate-table';
import { useFeedbackComposer, useReleaseFeedback, useSaveFeedback } from './hooks/use-feedback';

const appendTo = (text: string, addition: string) => (text.trim() ? `${text.trimEnd()}\n\n${addition}` : addition);

function Composer({ composer, aggregate }: { composer: FeedbackComposer; aggregate: ReviewAggregate }) {
  const [confirming, confirm] = useDisclosure(false);
  const expected = Math.max(aggregate.assignedReviews, aggregate.reviewersWanted);
  const missing = expected - aggregate.submittedReviews;
  const released = !!composer.draft?.releasedAt;
  const [body, setBody] = useState(composer.draft?.body ?? '');
  // Starts empty per criterion: the lead decides what, if anything, of the reviewers' words goes in.
  const [criteria, setCriteria] = useState<FeedbackCriterion[]>(() =>
    composer.reviewerComments.map((c) => ({
      criterionKey: c.criterionKey,
      title: c.title,
      comment: composer.draft?.criteria.find((d) => d.criterionKey === c.criterionKey)?.comment ?? '',
    })),
  );
  const save = useSaveFeedback(composer.submissionId);
  const release = useReleaseFeedback(composer.submissionId);
  const setComment = (i: number, comment: string) => setCriteria((all) => all.map((c, j) => (j === i ? { ...c, comment } : c)));
  const payload = () => ({ body, criteria: criteria.filter((c) => c.comment.trim()) });

  return (
    <Stack gap="sm" aria-label="Feedback composer">
      {released && (
        <Alert color="green" title="Released">
          Released {new Date(composer.draft!.releasedAt!).toLocaleString()}
          {composer.draft?.emailedAt ? `; ${composer.candidateName} was emailed at ${composer.candidateEmail}.` : '; the email could not be sent.'}
        </Alert>
      )}
      <Group justify="space-between">
        <Text fw={600}>Message to {composer.candidateName}</Text>
        <Button size="xs" variant="light" display={released ? 'none' : undefined} disabled={!composer.reviewerSummaries.length} onClick={() => setBody((b) => appendTo(b, composer.reviewerSummaries.join('\n\n')))}>
          Insert reviewer summaries
        </Button>
      </Group>
      <Textarea aria-label="Feedback message" autosize minRows={5} value={body} readOnly={released} onChange={(e) => setBody(e.currentTarget.value)} />
      {criteria.map((c, i) =>
        // Once released, show exactly what the candidate reads: empty criteria were not sent.
        released && !c.comment.trim() ? null : (
        <Paper key={c.criterionKey} withBorder p="xs">
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>{c.title}</Text>
            <Button
              size="compact-xs"
              variant="subtle"
              display={released ? 'none' : undefined}
              disabled={!composer.reviewerComments[i].comments.length}
              onClick={() => setComment(i, appendTo(c.comment, composer.reviewerComments[i].comments.join('\n')))}
            >
              Insert reviewer comments ({composer.reviewerComments[i].comments.length})
            </Button>
          </Group>
          <Textarea aria-label={`Feedback on ${c.title}`} autosize minRows={1} value={c.comment} readOnly={released} onChange={(e) => setComment(i, e.currentTarget.value)} />
        </Paper>
        ),
      )}
      <SharedLineComments
        heading="Line comments reviewers shared"
        note={released ? 'Sent with the feedback.' : 'These go to the candidate with the feedback when you release it.'}
        comments={composer.sharedLineComments}
      />
      {(save.error || release.error) && <Alert color="red">{(save.error ?? release.error)!.message}</Alert>}
      {save.isSuccess && !released && <Alert color="blue">Draft saved. The candidate sees nothing until you release it.</Alert>}
      {!released && (
        <Group justify="flex-end">
          <Button variant="default" loading={save.isPending} onClick={() => save.mutate(payload())}>
            Save draft
          </Button>
          <Button
            color="green"
            disabled={!body.trim()}
            loading={release.isPending}
            onClick={confirm.open}
          >
            Release to candidate
          </Button>
        </Group>
      )}
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title={missing > 0 ? `${aggregate.submittedReviews} of ${expected} reviews in; release anyway?` : 'Release this feedback?'}
        confirmLabel={missing > 0 ? 'Release anyway' : 'Release and email'}
        color={missing > 0 ? 'orange' : 'green'}
        loading={save.isPending || release.isPending}
        onConfirm={() =>
          // Save first so what is released is exactly what is on screen.
          save.mutate(payload(), { onSuccess: () => release.mutate(undefined, { onSuccess: confirm.close }) })
        }
      >
        {missing > 0 && (
          <Alert color="orange" title={`${missing} review${missing === 1 ? ' is' : 's are'} missing`}>
            The assessment asks for {expected} reviews per submission. Released feedback cannot be changed, and reviews that
            arrive later will not be part of it.
          </Alert>
        )}
        <Text size="sm">
          {composer.candidateName} is emailed a link to the feedback. It cannot be changed after release.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}

export function FeedbackPage() {
  const { submissionId = '' } = useParams();
  const composer = useFeedbackComposer(submissionId);
  const aggregate = useReviewAggregate(submissionId);
  useDocumentTitle('Feedback · Takehome');
  if (composer.isPending || aggregate.isPending) return <Loader />;
  const error = composer.error ?? aggregate.error;
  if (error) return <Alert color="red">{error.message}</Alert>;
  return (
    <Stack>
      <Title order={2}>Feedback for {composer.data!.candidateName}</Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Title order={4} mb="xs">Reviews</Title>
          <AggregateTable aggregate={aggregate.data!} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Title order={4} mb="xs">Feedback</Title>
          <Composer key={composer.data!.draft?.releasedAt ?? 'draft'} composer={composer.data!} aggregate={aggregate.data!} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
