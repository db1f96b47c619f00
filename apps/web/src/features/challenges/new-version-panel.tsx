import { Button, Card, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ChallengeVersionDetail, EditChallengeVersionRequest, SavedChallengeVersion } from '@takehome/contracts';
import { type FormEvent, useState } from 'react';
import { useEditChallengeVersion } from '../../hooks/use-challenges';
import { ImportZipForm } from './import-zip-form';
import { RubricEditor } from './rubric-editor';
import { ValidationIssues } from './validation-issues';

/**
 * Two ways to a new version: edit the prompt, rubric and time limit here, or upload the whole folder again.
 * The version shown stays unchanged either way; the server validates the result like any imported package.
 */
export function NewVersionPanel({ version, onSaved }: { version: ChallengeVersionDetail; onSaved: (saved: SavedChallengeVersion) => void }) {
  const edit = useEditChallengeVersion(version.challengeId);
  const [prompt, setPrompt] = useState(version.prompt);
  const [timeLimit, setTimeLimit] = useState<number | string>(version.timeLimitMinutes);
  const [rubric, setRubric] = useState(version.rubric);

  // Only what changed is sent, so an untouched field can never rewrite the author's YAML.
  const changes: Omit<EditChallengeVersionRequest, 'baseVersionId'> = {
    ...(prompt !== version.prompt ? { prompt } : {}),
    ...(Number(timeLimit) !== version.timeLimitMinutes ? { timeLimitMinutes: Number(timeLimit) } : {}),
    ...(JSON.stringify(rubric) !== JSON.stringify(version.rubric) ? { rubric } : {}),
  };
  const changed = Object.keys(changes).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed) edit.mutate({ baseVersionId: version.id, ...changes }, { onSuccess: onSaved });
  };

  return (
    <Stack gap="lg">
      <Card withBorder component="form" onSubmit={submit} aria-label="Edit into a new version">
        <Stack>
          <div>
            <Title order={3} size="h4">
              Edit into a new version
            </Title>
            <Text size="sm" c="dimmed">
              Starts from v{version.version}. Files, tests and solutions are carried over unchanged.
            </Text>
          </div>
          <NumberInput label="Time limit (minutes)" min={30} max={480} step={15} w={220} value={timeLimit} onChange={setTimeLimit} />
          <Textarea
            label="Prompt (Markdown)"
            autosize
            minRows={8}
            maxRows={24}
            styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
            value={prompt}
            onChange={(e) => setPrompt(e.currentTarget.value)}
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              Rubric
            </Text>
            <RubricEditor value={rubric} onChange={setRubric} />
          </div>
          <ValidationIssues error={edit.error} />
          <Group>
            <Button type="submit" disabled={!changed} loading={edit.isPending}>
              Save as new version
            </Button>
            <Button
              variant="default"
              disabled={!changed}
              onClick={() => {
                setPrompt(version.prompt);
                setTimeLimit(version.timeLimitMinutes);
                setRubric(version.rubric);
                edit.reset();
              }}
            >
              Discard changes
            </Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          Or upload the folder
        </Title>
        <ImportZipForm onSaved={onSaved} />
      </Card>
    </Stack>
  );
}
