import { Code, Loader, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../api/http';
import { useVisibleTestCode } from './use-workbench';

/** The visible tests' code, read-only and shown as text. The server sends the visible suite only. */
export function TestCodePanel() {
  const code = useVisibleTestCode();
  const [chosen, setChosen] = useState<string | null>(null);
  if (code.isPending) return <Loader size="sm" aria-label="Loading the visible tests" />;
  if (code.error) return <Text c="red" role="alert">{errorMessage(code.error)}</Text>;
  if (!code.data.available) return <Text size="sm" c="dimmed">{code.data.reason}</Text>;
  const files = code.data.files;
  const path = chosen ?? files.find((f) => /test/.test(f.path))?.path ?? files[0]?.path ?? null;
  const file = files.find((f) => f.path === path);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">The code of the visible tests, read-only. Hidden tests are not shown.</Text>
      <Select label="Test file" data={files.map((f) => f.path)} value={path} onChange={setChosen} allowDeselect={false} />
      {file && (
        <ScrollArea.Autosize mah={520} type="auto">
          <Code block aria-label={`Contents of ${file.path}`} style={{ whiteSpace: 'pre' }}>{file.content}</Code>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
