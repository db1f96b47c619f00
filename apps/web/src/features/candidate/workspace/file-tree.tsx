import { ActionIcon, Button, Group, Menu, Modal, NavLink, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { DRAFT_LIMITS, draftPathProblem } from '@takehome/contracts';
import { useState } from 'react';
import { errorMessage } from '../../../api/http';
import type { DraftEntry } from './use-draft-files';

const stateLabel: Record<DraftEntry['state'], string> = {
  saved: '',
  pending: 'unsaved',
  saving: 'saving',
  retrying: 'not saved',
  invalid: 'refused',
  conflict: 'conflict',
};

interface Props {
  files: DraftEntry[];
  active: string | null;
  readOnly: boolean;
  onOpen: (path: string) => void;
  onCreate: (path: string) => Promise<void>;
  onRename: (from: string, to: string) => Promise<void>;
  onDelete: (path: string) => Promise<void>;
}

type Dialog = { kind: 'create' } | { kind: 'rename'; path: string } | { kind: 'delete'; path: string } | null;

export function FileTree({ files, active, readOnly, onOpen, onCreate, onRename, onDelete }: Props) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = (d: Dialog, initial = '') => {
    setDialog(d);
    setName(initial);
    setError(null);
  };
  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
      setDialog(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const problem = dialog && dialog.kind !== 'delete' && name ? draftPathProblem(name) : null;

  return (
    <Stack gap="xs" h="100%" miw={0}>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} size="sm">
          Files ({files.length}/{DRAFT_LIMITS.maxFiles})
        </Text>
        <Button size="compact-xs" variant="light" disabled={readOnly} onClick={() => open({ kind: 'create' })}>
          New file
        </Button>
      </Group>
      <ScrollArea style={{ flex: 1 }} type="auto">
        <nav aria-label="Files">
          {files.map((f) => (
            <Group key={f.path} gap={0} wrap="nowrap">
              <NavLink
                component="button"
                active={f.path === active}
                onClick={() => onOpen(f.path)}
                label={<Text size="sm" truncate="start" title={f.path}>{f.path}</Text>}
                description={stateLabel[f.state] || undefined}
                aria-current={f.path === active ? 'page' : undefined}
                style={{ minWidth: 0, flex: 1 }}
                // The light active background leaves the primary-coloured description under 4.5:1.
                styles={{ description: { color: 'var(--mantine-color-text)' } }}
              />
              {!readOnly && (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${f.path}`}>
                      ⋯
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => open({ kind: 'rename', path: f.path }, f.path)}>Rename</Menu.Item>
                    <Menu.Item color="red" onClick={() => open({ kind: 'delete', path: f.path })}>Delete</Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
          ))}
        </nav>
      </ScrollArea>

      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog?.kind === 'create' ? 'New file' : dialog?.kind === 'rename' ? 'Rename file' : 'Delete file'}>
        {dialog?.kind === 'delete' ? (
          <Stack>
            <Text style={{ overflowWrap: 'anywhere' }}>Delete {dialog.path}? This cannot be undone.</Text>
            {error && <Text c="red" size="sm" role="alert">{error}</Text>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>Cancel</Button>
              <Button color="red" loading={busy} onClick={() => act(() => onDelete(dialog.path))}>Delete</Button>
            </Group>
          </Stack>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!name || problem || !dialog) return;
              void act(() => (dialog.kind === 'create' ? onCreate(name) : onRename(dialog.path, name)));
            }}
          >
            <Stack>
              <TextInput
                label="Path"
                description='Relative, with "/" between folders, e.g. src/store.js'
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={problem ? `The path ${problem}.` : error}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setDialog(null)}>Cancel</Button>
                <Button type="submit" loading={busy} disabled={!name || problem !== null}>
                  {dialog?.kind === 'create' ? 'Create' : 'Rename'}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
