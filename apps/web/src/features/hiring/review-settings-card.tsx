import { Button, Card, Group, Loader, MultiSelect, NumberInput, Text, Title } from '@mantine/core';
import { type AssessmentView, type ReviewSettings, reviewSettings } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { ValidationIssues } from '../challenges/validation-issues';
import { useReviewers, useReviewSettings, useSaveReviewSettings } from '../review/hooks/use-reviews';

/** Who reviews this assessment's submissions (assigned automatically at submit) and how long they have. */
export function ReviewSettingsCard({ assessment }: { assessment: AssessmentView }) {
  const settings = useReviewSettings(assessment.id);
  // Held here, outside the keyed form, so "Saved." outlives the form's restart from the saved values.
  const save = useSaveReviewSettings(assessment.id);
  return (
    <Card withBorder aria-label="Review settings">
      <Title order={2} size="h4" mb="xs">
        Reviews
      </Title>
      {settings.isPending ? <Loader size="sm" aria-label="Loading review settings" /> : settings.data && <ReviewSettingsForm key={JSON.stringify(settings.data)} assessment={assessment} saved={settings.data} save={save} />}
    </Card>
  );
}

function ReviewSettingsForm({ assessment, saved, save }: { assessment: AssessmentView; saved: ReviewSettings; save: ReturnType<typeof useSaveReviewSettings> }) {
  const team = useReviewers();
  const [reviewerIds, setReviewerIds] = useState(saved.reviewerIds);
  const [sla, setSla] = useState<number | string>(saved.reviewSlaHours);
  const parsed = reviewSettings.shape.reviewSlaHours.safeParse(sla === '' ? Number.NaN : Number(sla));
  const slaError = parsed.success ? undefined : `Time to review ${parsed.error.issues[0]?.message ?? 'is not valid'}`;
  const changed = reviewerIds.join() !== saved.reviewerIds.join() || Number(sla) !== saved.reviewSlaHours;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (changed && !slaError) save.mutate({ reviewerIds, reviewSlaHours: Number(sla) });
  };
  const short = reviewerIds.length > 0 && reviewerIds.length < assessment.reviewersPerSubmission;
  return (
    <form onSubmit={submit} aria-label="Review settings form">
      <Group align="flex-start" gap="md">
        <MultiSelect
          label="Reviewers"
          description="Submissions are assigned to these automatically, fewest open reviews first. Empty: everyone with the reviewer role."
          placeholder={reviewerIds.length ? undefined : 'Everyone with the reviewer role'}
          miw={320}
          style={{ flex: 1 }}
          searchable
          data={(team.data ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.role.toLowerCase().replace('_', ' ')})` }))}
          value={reviewerIds}
          onChange={setReviewerIds}
          error={short ? `Each submission needs ${assessment.reviewersPerSubmission} reviewers; with ${reviewerIds.length} listed it gets ${reviewerIds.length}.` : undefined}
        />
        <NumberInput label="Time to review (hours)" description="After this a review shows as overdue" w={200} min={1} max={720} clampBehavior="none" value={sla} onChange={setSla} error={slaError} />
      </Group>
      <Group justify="flex-end" mt="sm">
        {save.isSuccess && !changed && (
          <Text size="sm" c="dimmed" role="status">
            Saved.
          </Text>
        )}
        <Button type="submit" disabled={!changed || !!slaError} loading={save.isPending}>
          Save review settings
        </Button>
      </Group>
      <ValidationIssues error={save.error} title="The review settings were not saved" />
    </form>
  );
}
