import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../api/http';
import { queryKeys } from '../../../hooks/query-keys';
import { TerminalView } from './terminal-view';
import { useTerminalState } from './use-workbench';
import { fetchTerminalFiles, startTerminal, stopTerminal } from './workbench-api';

/** What the terminal panel needs of the editor's files: read them, change one, create one. */
export interface EditorFiles {
  files: Record<string, { content: string }>;
  setContent(path: string, content: string): void;
  create(path: string): Promise<void>;
}

/**
 * A shell in a sandboxed container (no network, the runs' limits) over a copy of the saved files. Sync is one
 * explicit step each way, so nothing is overwritten behind the candidate's back: starting copies the saved
 * files in; "Copy files to the editor" brings new and changed text files back, and the editor saves them as
 * if typed. Files deleted in the terminal stay in the editor.
 */
export function TerminalPanel({ disabled, beforeStart, editor }: { disabled: boolean; beforeStart: () => Promise<boolean>; editor: EditorFiles }) {
  const client = useQueryClient();
  const state = useTerminalState();
  const [attached, setAttached] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<{ color: string; text: string } | null>(null);

  const act = async (what: string, fn: () => Promise<void>) => {
    setNote(null);
    setBusy(what);
    try {
      await fn();
    } catch (e) {
      setNote({ color: 'orange', text: errorMessage(e) });
    } finally {
      setBusy(null);
      void client.invalidateQueries({ queryKey: queryKeys.candidateTerminal() });
    }
  };
  const start = () =>
    act('start', async () => {
      if (!(await beforeStart())) throw new Error('Some files are not saved yet; try again in a moment.');
      setAttached(false);
      await startTerminal();
      setAttached(true);
    });
  const stop = () => act('stop', async () => void (setAttached(false), await stopTerminal()));
  const copyBack = () =>
    act('sync', async () => {
      const { files, skipped } = await fetchTerminalFiles();
      const changed: string[] = [];
      for (const [path, content] of Object.entries(files)) {
        if (editor.files[path]?.content === content) continue;
        if (!editor.files[path]) await editor.create(path);
        editor.setContent(path, content);
        changed.push(path);
      }
      const text = changed.length ? `Copied to the editor: ${changed.join(', ')}.` : 'The editor already has every file as it is in the terminal.';
      setNote({ color: 'green', text: skipped.length ? `${text} Not copied: ${skipped.join(', ')}.` : text });
    });

  if (state.data && !state.data.enabled) return <Text size="sm" c="dimmed">This assessment does not offer a terminal.</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        A shell over a copy of your saved files, in the sandbox without network. Changes made here reach the editor only when you copy them back. It stops after a few idle minutes.
      </Text>
      <Group gap="xs">
        <Button onClick={start} loading={busy === 'start'} disabled={disabled}>{attached ? 'Restart terminal' : 'Start terminal'}</Button>
        {attached && <Button variant="default" onClick={copyBack} loading={busy === 'sync'}>Copy files to the editor</Button>}
        {attached && <Button variant="default" onClick={stop} loading={busy === 'stop'}>Stop</Button>}
      </Group>
      {note && <Alert color={note.color} role="status">{note.text}</Alert>}
      {attached && <TerminalView onClosed={(reason) => (setAttached(false), setNote({ color: 'gray', text: reason }))} />}
    </Stack>
  );
}
