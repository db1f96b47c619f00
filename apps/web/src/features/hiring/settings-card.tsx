import { Alert, Button, Card, Group, MultiSelect, NumberInput, Select, Switch, Text, Title } from '@mantine/core';
import { type AssessmentView, assessmentFieldError, type UpdateAssessmentRequest } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { useChallenges, useChallengeVersion } from '../../hooks/use-challenges';
import { ValidationIssues } from '../challenges/validation-issues';
import { useUpdateAssessment } from './hooks/use-assessments';
import { VersionWarning } from './version-warning';

/** Editable while only the team is involved (draft and pilot); read-only once candidates are. */
export function SettingsCard({ assessment }: { assessment: AssessmentView }) {
  const editable = assessment.status === 'DRAFT' || assessment.status === 'PILOT';
  // Held here, outside the keyed form, so "Saved." outlives the form's restart from the saved values.
  const update = useUpdateAssessment(assessment.id);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Settings
      </Title>
      {editable ? (
        // Keyed by the saved settings, so a save (or another tab's change) restarts the form from them, while an
        // invitation (which changes the assessment's counts) leaves unsaved edits alone.
        <SettingsForm key={settingsKey(assessment)} assessment={assessment} update={update} />
      ) : (
        <Group gap="xl">
          <Text size="sm">
            <b>{assessment.timeLimitMinutes}</b> min limit
          </Text>
          <Text size="sm">Runtimes: {assessment.runtimes.join(', ')}</Text>
          <Text size="sm">
            {assessment.reviewersPerSubmission} reviewer{assessment.reviewersPerSubmission === 1 ? '' : 's'} per submission
          </Text>
          <Text size="sm">{assessment.blindReview ? 'Blind review' : 'Named review'}</Text>
          <Text size="sm">{assessment.terminalEnabled ? 'Terminal on' : 'Terminal off'}</Text>
          <Text size="sm" c="dimmed">
            Frozen since launch.
          </Text>
        </Group>
      )}
    </Card>
  );
}

function SettingsForm({ assessment, update }: { assessment: AssessmentView; update: ReturnType<typeof useUpdateAssessment> }) {
  const challenges = useChallenges();
  const [versionId, setVersionId] = useState(assessment.challenge.versionId);
  const [timeLimit, setTimeLimit] = useState<number | string>(assessment.timeLimitMinutes);
  const [runtimes, setRuntimes] = useState(assessment.runtimes);
  const [reviewers, setReviewers] = useState<number | string>(assessment.reviewersPerSubmission);
  const [blind, setBlind] = useState(assessment.blindReview);
  const [terminal, setTerminal] = useState(assessment.terminalEnabled);
  // The runtimes on offer are the chosen version's; a new version may support different ones.
  const version = useChallengeVersion(assessment.challenge.id, versionId);
  const versions = challenges.data?.find((c) => c.id === assessment.challenge.id)?.versions ?? [];

  // Only what changed is sent, so saving one field never rewrites another someone changed meanwhile.
  const changes: UpdateAssessmentRequest = {
    ...(versionId !== assessment.challenge.versionId ? { challengeVersionId: versionId } : {}),
    ...(Number(timeLimit) !== assessment.timeLimitMinutes ? { timeLimitMinutes: Number(timeLimit) } : {}),
    ...(runtimes.join() !== assessment.runtimes.join() ? { runtimes } : {}),
    ...(Number(reviewers) !== assessment.reviewersPerSubmission ? { reviewersPerSubmission: Number(reviewers) } : {}),
    ...(blind !== assessment.blindReview ? { blindReview: blind } : {}),
    ...(terminal !== assessment.terminalEnabled ? { terminalEnabled: terminal } : {}),
  };
  const changed = Object.keys(changes).length > 0;
  const errors = { timeLimit: assessmentFieldError('timeLimitMinutes', timeLimit), reviewers: assessmentFieldError('reviewersPerSubmission', reviewers) };
  const invalid = Object.values(errors).some(Boolean);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed && !invalid) update.mutate(changes);
  };

  return (
    <form onSubmit={submit} aria-label="Assessment settings">
      <Group align="flex-end" gap="md">
        <Select
          label="Challenge version"
          w={160}
          data={
            versions.length
              ? versions.map((v) => ({ value: v.id, label: `v${v.version} · ${v.verification}` }))
              : [{ value: assessment.challenge.versionId, label: `v${assessment.challenge.version}` }]
          }
          value={versionId}
          onChange={(value) => value && setVersionId(value)}
          allowDeselect={false}
        />
        <NumberInput
          label="Time limit (minutes)"
          w={150}
          min={15}
          max={480}
          step={15}
          clampBehavior="none"
          value={timeLimit}
          onChange={setTimeLimit}
          error={errors.timeLimit && `Time limit ${errors.timeLimit}`}
        />
        <MultiSelect label="Runtimes" miw={180} style={{ flex: 1 }} data={version.data?.runtimes ?? runtimes} value={runtimes} onChange={setRuntimes} />
        <NumberInput
          label="Reviewers per submission"
          w={180}
          min={1}
          max={5}
          clampBehavior="none"
          value={reviewers}
          onChange={setReviewers}
          error={errors.reviewers && `Reviewers per submission ${errors.reviewers}`}
        />
        <Switch label="Blind review" checked={blind} onChange={(e) => setBlind(e.currentTarget.checked)} mb={8} />
        <Switch label="Candidate terminal" description="A shell without network" checked={terminal} onChange={(e) => setTerminal(e.currentTarget.checked)} mb={8} />
        <Button type="submit" disabled={!changed || invalid} loading={update.isPending}>
          Save settings
        </Button>
      </Group>
      {versionId !== assessment.challenge.versionId && <VersionWarning verification={versions.find((v) => v.id === versionId)?.verification} />}
      {update.isSuccess && !changed && (
        <Text size="sm" c="dimmed" mt="xs" role="status">
          Saved.
        </Text>
      )}
      {assessment.status === 'PILOT' && changed && (
        <Alert color="yellow" mt="sm">
          The pilot is under way: teammates who already finished took it with the old settings.
        </Alert>
      )}
      <ValidationIssues error={update.error} title="The settings were not saved" />
    </form>
  );
}

function settingsKey(a: AssessmentView): string {
  return JSON.stringify([a.status, a.challenge, a.timeLimitMinutes, a.runtimes, a.reviewersPerSubmission, a.blindReview, a.terminalEnabled]);
}
