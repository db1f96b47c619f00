import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import type { SavedChallengeVersion } from '@takehome/contracts';
import { useState } from 'react';
import { useImportChallenge } from '../../hooks/use-challenges';
import { ValidationIssues } from './validation-issues';

/**
 * Uploads a zipped challenge folder. The slug inside decides which challenge it belongs to, so the same form
 * adds a new challenge or a new version of an existing one; unchanged content returns the existing version.
 */
export function ImportZipForm({ onSaved }: { onSaved: (saved: SavedChallengeVersion) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportChallenge();
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <FileInput
          label="Challenge folder as a zip"
          description="challenge.yaml, prompt.md, rubric.yaml, starter/, tests/, solutions/ (at the root or in one folder)"
          placeholder="Choose a .zip file"
          accept=".zip,application/zip"
          clearable
          value={file}
          onChange={(f) => {
            setFile(f);
            upload.reset();
          }}
          style={{ flex: 1 }}
        />
        <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file, { onSuccess: onSaved })}>
          Upload
        </Button>
      </Group>
      {upload.data && !upload.data.created && (
        <Text size="sm" c="dimmed" role="status">
          Nothing changed: this content is already version {upload.data.version}.
        </Text>
      )}
      <ValidationIssues error={upload.error} />
    </Stack>
  );
}
