import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { CandidateWorkspace } from '@takehome/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../../api/http';
import { useServerOffset, useSubmitAttempt } from '../hooks/use-candidate';
import { Countdown } from './countdown';
import { NarrowView } from './narrow-view';
import { WorkspacePanes } from './workspace-panes';
import { unsavedKey } from './local-drafts';
import { type DraftEntry, useDraftFiles } from './use-draft-files';
import { queryKeys } from '../../../hooks/query-keys';

// Text colours with at least 4.5:1 on white (no orange shade has it; the orange alert carries that warning).
function saveSummary(files: DraftEntry[]): { text: string; color: string } {
  if (files.some((f) => f.state === 'conflict')) return { text: 'A file changed elsewhere: reload it', color: 'red.9' };
  if (files.some((f) => f.state === 'invalid')) return { text: 'A save was refused', color: 'red.9' };
  if (files.some((f) => f.state === 'retrying')) return { text: 'Not saved to the server yet: kept in this browser, retrying…', color: 'dark' };
  if (files.some((f) => f.state === 'saving' || f.state === 'pending')) return { text: 'Saving…', color: 'dimmed' };
  return { text: 'All changes saved', color: 'teal.9' };
}

// Below this width three panes cannot fit an editor worth using (the phone and small-tablet case).
const NARROW = '(max-width: 47.99em)';

export function WorkspacePage({ workspace }: { workspace: CandidateWorkspace }) {
  useDocumentTitle(`Workspace · ${workspace.title} · Takehome`);
  const narrow = useMediaQuery(NARROW, false, { getInitialValueInEffect: false });
  // After "Start" the landing page (and its button) is gone: focus goes to the workspace's heading, not the body.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const client = useQueryClient();
  const refreshState = useCallback(() => void client.invalidateQueries({ queryKey: queryKeys.candidateOverview() }), [client]);
  const drafts = useDraftFiles(workspace.files, refreshState, unsavedKey(workspace.attempt.startedAt));
  const offset = useServerOffset(workspace.serverTime);
  const list = useMemo(() => Object.values(drafts.files).sort((a, b) => a.path.localeCompare(b.path)), [drafts.files]);
  const [activePath, setActivePath] = useState<string | null>(workspace.files.find((f) => /server|main/.test(f.path))?.path ?? workspace.files[0]?.path ?? null);
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
    // Wide: the page is exactly the window and the panes scroll inside; narrow: the page scrolls as a document.
    <Stack gap="xs" h={narrow ? undefined : 'calc(100dvh - 68px)'}>
      <Group justify="space-between" gap="xs" wrap={narrow ? 'wrap' : 'nowrap'}>
        <Title order={1} ref={heading} tabIndex={-1} size="h3" lineClamp={narrow ? 2 : 1} style={{ minWidth: 0, flex: narrow ? '1 1 100%' : undefined }}>
          {workspace.title}
        </Title>
        {/* Timer and Submit never shrink: on a narrow screen the row wraps instead of cutting them off. */}
        <Group gap="sm" wrap="wrap" justify="flex-end" style={{ flexShrink: 0 }}>
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
      {narrow ? (
        <NarrowView prompt={workspace.promptMarkdown} services={workspace.services} files={list} />
      ) : (
        <WorkspacePanes ctx={{ workspace, drafts, readOnly }} list={list} activePath={activePath} setActivePath={setActivePath} />
      )}
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
