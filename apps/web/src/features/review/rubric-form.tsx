import { Alert, Button, Group, Paper, Radio, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import type { Recommendation, ReviewWorkspace, SaveReviewRequest } from '@takehome/contracts';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { ConfirmModal } from '../hiring/confirm-modal';
import { CitedComments } from './comments/cited-comments';
import { recommendationLabels } from './format';
import { useSaveReview } from './hooks/use-reviews';

type Scores = Record<string, { level: number | null; comment: string }>;

/** The rubric beside the code: each criterion's four anchored levels, a comment, then the overall call. */
export function RubricForm({ workspace }: { workspace: ReviewWorkspace }) {
  const mine = workspace.myReview;
  const final = mine?.status === 'SUBMITTED';
  const [scores, setScores] = useState<Scores>(() =>
    Object.fromEntries(
      workspace.rubric.map((c) => {
        const s = mine?.scores.find((x) => x.criterionId === c.id);
        return [c.id, { level: s?.level ?? null, comment: s?.comment ?? '' }];
      }),
    ),
  );
  const [recommendation, setRecommendation] = useState<Recommendation | null>(mine?.recommendation ?? null);
  const [summary, setSummary] = useState(mine?.summary ?? '');
  const save = useSaveReview(workspace.submissionId);
  const [confirming, confirm] = useDisclosure(false);

  const body = (): SaveReviewRequest => ({
    recommendation,
    summary,
    scores: workspace.rubric.map((c) => ({ criterionId: c.id, level: scores[c.id].level, comment: scores[c.id].comment })),
  });
  const complete = recommendation !== null && workspace.rubric.every((c) => scores[c.id].level !== null);
  const update = (id: string, patch: Partial<Scores[string]>) => setScores((s) => ({ ...s, [id]: { ...s[id], ...patch } }));

  return (
    <Stack gap="md" aria-label="Rubric">
      {final && <Alert color="green">You submitted this review on {new Date(mine!.submittedAt!).toLocaleString()}. It is final.</Alert>}
      {workspace.rubric.map((criterion) => (
        <Paper key={criterion.id} withBorder p="sm">
          <Group justify="space-between" align="baseline">
            <Title order={5}>{criterion.title}</Title>
            <Text size="xs" c="dimmed">
              weight {criterion.weight}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mb="xs">
            {criterion.description}
          </Text>
          <Radio.Group
            aria-label={criterion.title}
            value={scores[criterion.id].level?.toString() ?? null}
            onChange={(v) => update(criterion.id, { level: Number(v) })}
          >
            <Stack gap={6}>
              {criterion.levels.map((level) => (
                <Radio
                  key={level.score}
                  value={level.score.toString()}
                  disabled={final}
                  label={`${level.score} · ${level.label}`}
                  description={level.descriptor}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            mt="xs"
            autosize
            minRows={1}
            placeholder="Evidence for this level (file, line, test)"
            aria-label={`Comment on ${criterion.title}`}
            value={scores[criterion.id].comment}
            readOnly={final}
            onChange={(e) => update(criterion.id, { comment: e.currentTarget.value })}
          />
          <CitedComments submissionId={workspace.submissionId} criterionId={criterion.id} />
        </Paper>
      ))}
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          Overall recommendation
        </Title>
        <SegmentedControl
          fullWidth
          aria-label="Overall recommendation"
          disabled={final}
          value={recommendation ?? ''}
          onChange={(v) => setRecommendation(v as Recommendation)}
          data={Object.entries(recommendationLabels).map(([value, label]) => ({ value, label }))}
        />
        <Textarea
          mt="sm"
          label="Summary"
          autosize
          minRows={3}
          value={summary}
          readOnly={final}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
      </Paper>
      {save.error && <Alert color="red">{save.error.message}</Alert>}
      {save.isSuccess && !final && <Alert color="blue">Draft saved.</Alert>}
      {!final && (
        <Group justify="flex-end">
          <Button variant="default" loading={save.isPending && !save.variables?.submit} onClick={() => save.mutate({ body: body(), submit: false })}>
            Save draft
          </Button>
          <Button
            disabled={!complete}
            loading={save.isPending && save.variables?.submit}
            // Submitted reviews are final, so the one irreversible click asks first.
            onClick={confirm.open}
          >
            Submit review
          </Button>
        </Group>
      )}
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title="Submit this review?"
        confirmLabel="Submit review"
        loading={save.isPending && save.variables?.submit}
        onConfirm={() => save.mutate({ body: body(), submit: true }, { onSettled: confirm.close })}
      >
        <Text size="sm">A submitted review is final: it cannot be changed afterwards.</Text>
      </ConfirmModal>
    </Stack>
  );
}
