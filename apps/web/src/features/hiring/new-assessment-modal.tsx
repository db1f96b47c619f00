import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type AssessmentView, assessmentFieldError, type ChallengeVersionDetail } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { useChallenges, useChallengeVersion } from '../../hooks/use-challenges';
import { ValidationIssues } from '../challenges/validation-issues';
import { useCreateAssessment } from './hooks/use-assessments';
import { VersionWarning } from './version-warning';

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (assessment: AssessmentView) => void;
}

/** Pick the challenge and version first: the version's own limit and runtimes are the starting point. */
export function NewAssessmentModal({ opened, onClose, onCreated }: Props) {
  const challenges = useChallenges();
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const [versionId, setVersionId] = useState<string | null>(null);
  const challenge = challenges.data?.find((c) => c.id === challengeId);
  const version = challenge?.versions.find((v) => v.id === versionId);

  return (
    <Modal opened={opened} onClose={onClose} title="New assessment" size="lg">
      <Stack>
        {challenges.error && <Alert color="red">{challenges.error.message}</Alert>}
        {challenges.data?.length === 0 && <Alert color="gray">Import a challenge first: an assessment is built from one of its versions.</Alert>}
        <Group grow align="flex-start">
          <Select
            label="Challenge"
            placeholder="Pick a challenge"
            searchable
            data={(challenges.data ?? []).filter((c) => c.versions.length).map((c) => ({ value: c.id, label: c.title }))}
            value={challengeId}
            onChange={(value) => {
              setChallengeId(value);
              // The newest version is the usual choice; the lead can still pick an older one.
              setVersionId(challenges.data?.find((c) => c.id === value)?.versions[0]?.id ?? null);
            }}
          />
          <Select
            label="Version"
            placeholder="Pick a version"
            disabled={!challenge}
            data={(challenge?.versions ?? []).map((v) => ({ value: v.id, label: `v${v.version} · ${v.verification}${v.suiteProven ? ' · suites proven' : ''}` }))}
            value={versionId}
            // Clicking the picked version again keeps it: a Select would otherwise clear it and hide the form.
            allowDeselect={false}
            onChange={setVersionId}
          />
        </Group>
        <VersionWarning verification={version?.verification} />
        {challengeId && version && version.suiteProven !== true && (
          // A warning, not a block: an unproven suite may still be fair, but its grades may miss real bugs.
          <Alert color="orange" title={version.suiteProven === false ? 'Suites not proven' : 'Suites not verified'}>
            {version.suiteProven === false
              ? 'The latest suite verification of this version found mutants the hidden suite did not kill on every run, or a flaky reference.'
              : 'Nobody has run a suite verification of this version yet, so no one knows whether its hidden suite catches plausible mistakes.'}{' '}
            Run one on the challenge’s Verify tab before inviting candidates.
          </Alert>
        )}
        {challengeId && versionId ? (
          <VersionSettings key={versionId} challengeId={challengeId} versionId={versionId} onCreated={onCreated} onCancel={onClose} />
        ) : (
          <Text size="sm" c="dimmed">
            The settings start from the version's own time limit and runtimes.
          </Text>
        )}
      </Stack>
    </Modal>
  );
}

function VersionSettings({ challengeId, versionId, onCreated, onCancel }: { challengeId: string; versionId: string; onCreated: Props['onCreated']; onCancel: () => void }) {
  const version = useChallengeVersion(challengeId, versionId);
  if (version.isPending) return <Text size="sm" c="dimmed">Loading the version…</Text>;
  if (version.error) return <Alert color="red">{version.error.message}</Alert>;
  return <SettingsForm version={version.data} onCreated={onCreated} onCancel={onCancel} />;
}

function SettingsForm({ version, onCreated, onCancel }: { version: ChallengeVersionDetail; onCreated: Props['onCreated']; onCancel: () => void }) {
  const create = useCreateAssessment();
  const [name, setName] = useState(`${version.title} v${version.version}`);
  const [timeLimit, setTimeLimit] = useState<number | string>(version.timeLimitMinutes);
  const [runtimes, setRuntimes] = useState<string[]>(version.runtimes);
  const [reviewers, setReviewers] = useState<number | string>(2);
  const [blind, setBlind] = useState(true);

  const errors = { timeLimit: assessmentFieldError('timeLimitMinutes', timeLimit), reviewers: assessmentFieldError('reviewersPerSubmission', reviewers) };
  const invalid = Object.values(errors).some(Boolean);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    create.mutate(
      {
        challengeVersionId: version.id,
        name: name.trim(),
        timeLimitMinutes: Number(timeLimit),
        runtimes,
        reviewersPerSubmission: Number(reviewers),
        blindReview: blind,
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <Stack component="form" onSubmit={submit} aria-label="New assessment" gap="sm">
      <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <Group grow align="flex-start">
        <NumberInput
          label="Time limit (minutes)"
          description={`The challenge suggests ${version.timeLimitMinutes}`}
          min={15}
          max={480}
          step={15}
          clampBehavior="none"
          value={timeLimit}
          onChange={setTimeLimit}
          error={errors.timeLimit && `Time limit ${errors.timeLimit}`}
        />
        <NumberInput
          label="Reviewers per submission"
          description="1 to 5"
          min={1}
          max={5}
          clampBehavior="none"
          value={reviewers}
          onChange={setReviewers}
          error={errors.reviewers && `Reviewers per submission ${errors.reviewers}`}
        />
      </Group>
      <MultiSelect label="Runtimes" description="Candidates choose one of these" data={version.runtimes} value={runtimes} onChange={setRuntimes} />
      <Switch
        label="Blind review"
        description="Reviewers see a pseudonym, not the candidate's name, until they have submitted"
        checked={blind}
        onChange={(e) => setBlind(e.currentTarget.checked)}
      />
      <ValidationIssues error={create.error} title="The assessment was not created" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending} disabled={!name.trim() || runtimes.length === 0 || invalid}>
          Create assessment
        </Button>
      </Group>
    </Stack>
  );
}
