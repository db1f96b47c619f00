import { Alert, Code, NativeSelect, Stack, Tabs } from '@mantine/core';
import type { ChallengeService } from '@takehome/contracts';
import { useState } from 'react';
import { PromptView } from './prompt-view';
import type { DraftEntry } from './use-draft-files';

/**
 * Below tablet width the editor cannot be used well: the candidate is told so plainly, and can still read the task
 * and their files (read-only) while the clock runs.
 */
export function NarrowView({ prompt, services, files }: { prompt: string; services: ChallengeService[]; files: DraftEntry[] }) {
  const [path, setPath] = useState(files[0]?.path ?? '');
  const file = files.find((f) => f.path === path);
  return (
    <Stack gap="sm">
      <Alert color="blue" title="Use a larger screen to write code">
        This screen is too narrow for the code editor. Open the same link on a laptop or desktop computer to write code; your work is
        saved there and the clock keeps running. Here you can read the task and your files.
      </Alert>
      <Tabs defaultValue="task" keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="task">Task</Tabs.Tab>
          <Tabs.Tab value="files">Files (read-only)</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="task" pt="sm">
          <PromptView markdown={prompt} services={services} />
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="sm">
          <Stack gap="xs">
            <NativeSelect label="File" data={files.map((f) => f.path)} value={path} onChange={(e) => setPath(e.currentTarget.value)} />
            {file && (
              <Code block tabIndex={0} aria-label={`Contents of ${file.path}`} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {file.content || '(empty file)'}
              </Code>
            )}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
