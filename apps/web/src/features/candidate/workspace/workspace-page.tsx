import { Alert, Box, Button, Group, Modal, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { CandidateWorkspace } from '@takehome/contracts';
import { useCallback, useMemo, useState } from 'react';
import { errorMessage } from '../../../api/http';
import { useServerOffset, useSubmitAttempt } from '../hooks/use-candidate';
import { CodeEditor } from './code-editor';
import { Countdown } from './countdown';
import { FileTree } from './file-tree';
import { PracticePanel } from './practice-panel';
import { WorkbenchPanels, WorkbenchTabs } from '../workbench/workbench-tabs';
import { PromptView } from './prompt-view';
import { unsavedKey } from './local-drafts';
import { type DraftEntry, useDraftFiles } from './use-draft-files';
import { queryKeys } from '../../../hooks/query-keys';

function saveSummary(files: DraftEntry[]): { text: string; color: string } {
  if (files.some((f) => f.state === 'conflict')) return { text: 'A file changed elsewhere: reload it', color: 'red' };
  if (files.some((f) => f.state === 'invalid')) return { text: 'A save was refused', color: 'red' };
  if (files.some((f) => f.state === 'retrying')) return { text: 'Not saved to the server yet: kept in this browser, retrying…', color: 'orange' };
  if (files.some((f) => f.state === 'saving' || f.state === 'pending')) return { text: 'Saving…', color: 'dimmed' };
  return { text: 'All changes saved', color: 'green' };
}

export function WorkspacePage({ workspace, perHour }: { workspace: CandidateWorkspace; perHour: number }) {
  const client = useQueryClient();
  const refreshState = useCallback(() => void client.invalidateQueries({ queryKey: queryKeys.candidateOverview() }), [client]);
  const drafts = useDraftFiles(workspace.files, refreshState, unsavedKey(workspace.attempt.startedAt));
  const offset = useServerOffset(workspace.serverTime);
  const list = useMemo(() => Object.values(drafts.files).sort((a, b) => a.path.localeCompare(b.path)), [drafts.files]);
  const [activePath, setActivePath] = useState<string | null>(workspace.files.find((f) => /server|main/.test(f.path))?.path ?? workspace.files[0]?.path ?? null);
  const active = activePath ? drafts.files[activePath] : undefined;
  const [timeUp, setTimeUp] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const submit = useSubmitAttempt();
  const summary = saveSummary(list);
  const readOnly = timeUp;

  const onExpired = useCallback(() => {
    // Push what is unsaved while the server's grace still accepts it, then ask the server for the outcome.
    setTimeUp(true);
    void drafts.flushAll().finally(() => {
      const poll = setInterval(refreshState, 5000);
      setTimeout(() => clearInterval(poll), 5 * 60_000);
    });
  }, [drafts, refreshState]);

  const doSubmit = async () => {
    await drafts.flushAll();
    submit.mutate();
  };

  return (
    <Stack gap="sm" h="calc(100vh - 90px)">
      <Group justify="space-between" wrap="nowrap">
        <Title order={1} size="h3" lineClamp={1} style={{ minWidth: 0 }}>
          {workspace.title}
        </Title>
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" c={summary.color} role="status" aria-label="Save status">{summary.text}</Text>
          <Countdown deadline={workspace.attempt.deadline} offsetMs={offset} onExpired={onExpired} />
          <Button color="green" onClick={() => setConfirming(true)} disabled={timeUp}>Submit</Button>
        </Group>
      </Group>
      {timeUp && (
        <Alert color="orange" role="alert" title="Time is up">
          Your last saved work is being submitted for you. This page updates by itself.
        </Alert>
      )}
      {drafts.storageFailed && (
        <Alert color="orange" role="alert" title="This browser cannot keep a copy">
          Your browser refused to store unsaved text, so it is only on this page until the server saves it. Keep this tab open.
        </Alert>
      )}
      {list.filter((f) => f.state === 'conflict' || f.state === 'invalid' || f.state === 'retrying').map((f) => (
        <Alert key={f.path} color={f.state === 'retrying' ? 'orange' : 'red'} role="alert" title={f.path} styles={{ title: { overflowWrap: 'anywhere' } }}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{f.message}</Text>
            {f.state === 'conflict' && <Button size="xs" variant="white" onClick={() => void drafts.reload(f.path)}>Reload this file</Button>}
          </Group>
        </Alert>
      ))}
      <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Paper withBorder p="xs" w={240} style={{ flexShrink: 0 }}>
          <FileTree
            files={list}
            active={activePath}
            readOnly={readOnly}
            onOpen={setActivePath}
            onCreate={async (p) => { await drafts.create(p); setActivePath(p); }}
            onRename={async (from, to) => { await drafts.rename(from, to); if (activePath === from) setActivePath(to); }}
            onDelete={async (p) => { await drafts.remove(p); if (activePath === p) setActivePath(null); }}
          />
        </Paper>
        <Paper withBorder style={{ flex: 1, minWidth: 0, overflow: 'hidden', display: 'flex', flexDirection: 'column' }}>
          {active ? (
            <>
              <Text size="xs" c="dimmed" px="sm" py={4} truncate="start" title={active.path}>{active.path}</Text>
              <Box style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
                <CodeEditor key={active.path} path={active.path} value={active.content} readOnly={readOnly || active.state === 'conflict'} onChange={(v) => drafts.setContent(active.path, v)} />
              </Box>
            </>
          ) : (
            <Text p="md" c="dimmed">Pick a file on the left, or create one.</Text>
          )}
        </Paper>
        <Paper withBorder p="sm" w="36%" maw={560} style={{ flexShrink: 0, minWidth: 300, display: 'flex', flexDirection: 'column' }}>
          <Tabs defaultValue="task" keepMounted style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
            <Tabs.List>
              <Tabs.Tab value="task">Task</Tabs.Tab>
              <Tabs.Tab value="tests">Tests</Tabs.Tab>
              <WorkbenchTabs />
            </Tabs.List>
            <Tabs.Panel value="task" pt="sm" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
              <PromptView markdown={workspace.promptMarkdown} />
            </Tabs.Panel>
            <Tabs.Panel value="tests" pt="sm" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
              <PracticePanel disabled={readOnly} beforeRun={drafts.flushAll} perHour={perHour} />
            </Tabs.Panel>
            <WorkbenchPanels disabled={readOnly} beforeRun={drafts.flushAll} perHour={perHour} editor={drafts} />
          </Tabs>
        </Paper>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Submit your work?">
        <Stack>
          <Text>Your saved files are submitted as they are now and cannot be changed afterwards. The visible and hidden tests run on them, and reviewers read your code.</Text>
          {submit.error && <Alert color="red" role="alert">{errorMessage(submit.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>Keep working</Button>
            <Button color="green" loading={submit.isPending} onClick={doSubmit}>Submit now</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
