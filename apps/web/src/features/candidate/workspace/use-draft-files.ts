import type { DraftFileView } from '@takehome/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { deleteFile, fetchWorkspace, renameFile, saveFile } from '../api/candidate';
import { ApiError, errorCode, errorMessage } from '../../../api/http';
import { readUnsaved, type UnsavedCopy, writeUnsaved } from './local-drafts';

export type SaveState = 'saved' | 'pending' | 'saving' | 'retrying' | 'invalid' | 'conflict';

export interface DraftEntry {
  path: string;
  content: string;
  revision: number;
  savedContent: string;
  state: SaveState;
  message?: string;
}

const SAVE_DELAY_MS = 800;
const MAX_RETRY_DELAY_MS = 15_000;
const CONFLICT_MESSAGE = 'Another tab or device saved this file after you started typing here. Copy what you need from this text, then reload the file.';

/** Starts from the server's files, with any text this browser kept but the server never acknowledged. */
function initialEntries(initial: DraftFileView[], unsaved: Record<string, UnsavedCopy>): Record<string, DraftEntry> {
  return Object.fromEntries(
    initial.map((f) => {
      const kept = unsaved[f.path];
      const entry: DraftEntry = { ...f, savedContent: f.content, state: 'saved' };
      if (!kept || kept.content === f.content) return [f.path, entry];
      // Typed on the revision the server still has: nobody else saved, so it is simply saved now.
      if (kept.baseRevision === f.revision) return [f.path, { ...entry, content: kept.content, state: 'pending', message: 'Restored text this browser kept unsaved.' }];
      return [f.path, { ...entry, content: kept.content, state: 'conflict', message: CONFLICT_MESSAGE }];
    }),
  );
}

/** Tabs of one attempt tell each other about saves, so a second tab knows before it overwrites anything. */
interface SavedMessage {
  path: string;
  revision: number;
  tab: string;
}

/**
 * The editor's files and their autosave. Each file is saved on its own, debounced, with the revision it was
 * loaded at; saves of one file never overlap, so revisions advance in order. A failed save stays visible and is
 * retried with backoff; a stale revision (another tab saved first) stops that file until the candidate reloads it.
 */
export function useDraftFiles(initial: DraftFileView[], onClosed: () => void, storageKey: string) {
  const [files, setFiles] = useState<Record<string, DraftEntry>>(() => initialEntries(initial, readUnsaved(storageKey)));
  const [storageFailed, setStorageFailed] = useState(false);
  const current = useRef(files);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Map<string, Promise<void>>());
  const retries = useRef(new Map<string, number>());
  const tabId = useRef(Math.random().toString(36).slice(2));
  const channel = useRef<BroadcastChannel | null>(null);

  const update = useCallback(
    (apply: (prev: Record<string, DraftEntry>) => Record<string, DraftEntry>) => {
      current.current = apply(current.current);
      setFiles(current.current);
      // Every unacknowledged text goes to the browser's storage in the same tick it changes.
      const unsaved = Object.fromEntries(
        Object.values(current.current)
          .filter((f) => f.content !== f.savedContent)
          .map((f) => [f.path, { content: f.content, baseRevision: f.revision }]),
      );
      setStorageFailed(!writeUnsaved(storageKey, unsaved));
    },
    [storageKey],
  );
  const patch = useCallback(
    (path: string, change: Partial<DraftEntry>) => update((prev) => (prev[path] ? { ...prev, [path]: { ...prev[path], ...change } } : prev)),
    [update],
  );

  const flushOne = useCallback(
    async (path: string): Promise<void> => {
      clearTimeout(timers.current.get(path));
      while (inFlight.current.has(path)) await inFlight.current.get(path);
      const entry = current.current[path];
      if (!entry || entry.state === 'conflict') return;
      // Typed and undone (or back to what the server holds): nothing to send, and nothing left "Saving…".
      if (entry.content === entry.savedContent) {
        if (entry.state !== 'saved') patch(path, { state: 'saved', message: undefined });
        return;
      }
      const sent = entry.content;
      patch(path, { state: 'saving' });
      const saving = saveFile({ path, content: sent, baseRevision: entry.revision }).then(
        (saved) => {
          retries.current.delete(path);
          const now = current.current[path];
          const dirty = now !== undefined && now.content !== sent;
          patch(path, { revision: saved.revision, savedContent: sent, state: dirty ? 'pending' : 'saved', message: undefined });
          channel.current?.postMessage({ path, revision: saved.revision, tab: tabId.current } satisfies SavedMessage);
          if (dirty) schedule(path, SAVE_DELAY_MS);
        },
        (error: unknown) => {
          const code = errorCode(error);
          if (code === 'stale_revision') return patch(path, { state: 'conflict', message: CONFLICT_MESSAGE });
          if (code === 'time_up' || code === 'submitted') {
            patch(path, { state: 'invalid', message: errorMessage(error) });
            return onClosed();
          }
          if (error instanceof ApiError && error.status === 400) return patch(path, { state: 'invalid', message: errorMessage(error) });
          const attempt = (retries.current.get(path) ?? 0) + 1;
          retries.current.set(path, attempt);
          const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** attempt);
          patch(path, { state: 'retrying', message: `Not saved yet (${errorMessage(error)}). Retrying in ${Math.round(delay / 1000)} s.` });
          schedule(path, delay);
        },
      );
      inFlight.current.set(path, saving.finally(() => inFlight.current.delete(path)));
      await saving;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [patch, onClosed],
  );

  function schedule(path: string, delay: number) {
    clearTimeout(timers.current.get(path));
    timers.current.set(path, setTimeout(() => void flushOne(path), delay));
  }

  const setContent = useCallback(
    (path: string, content: string) => {
      const entry = current.current[path];
      if (!entry || entry.content === content) return;
      patch(path, { content, state: entry.state === 'conflict' ? 'conflict' : 'pending' });
      if (entry.state !== 'conflict') schedule(path, SAVE_DELAY_MS);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [patch, flushOne],
  );

  /** Saves everything now; true when every file is saved (before a practice run or submitting). */
  const flushAll = useCallback(async () => {
    await Promise.all(Object.keys(current.current).map((p) => flushOne(p)));
    return Object.values(current.current).every((f) => f.state === 'saved');
  }, [flushOne]);

  const create = useCallback(
    async (path: string) => {
      const saved = await saveFile({ path, content: '', baseRevision: null });
      update((prev) => ({ ...prev, [path]: { path, content: '', savedContent: '', revision: saved.revision, state: 'saved' } }));
    },
    [update],
  );

  const rename = useCallback(
    async (from: string, to: string) => {
      await flushOne(from);
      const entry = current.current[from];
      const saved = await renameFile({ from, to, baseRevision: entry.revision });
      update(({ [from]: moved, ...rest }) => ({ ...rest, [to]: { ...moved, path: to, revision: saved.revision } }));
    },
    [flushOne, update],
  );

  const remove = useCallback(
    async (path: string) => {
      clearTimeout(timers.current.get(path));
      while (inFlight.current.has(path)) await inFlight.current.get(path);
      await deleteFile({ path, baseRevision: current.current[path].revision });
      update(({ [path]: _gone, ...rest }) => rest);
    },
    [update],
  );

  /** Takes the server's copy of one file, dropping the local edits that conflicted. */
  const reload = useCallback(
    async (path: string) => {
      const server = (await fetchWorkspace()).files.find((f) => f.path === path);
      update(({ [path]: _old, ...rest }) =>
        server ? { ...rest, [path]: { ...server, savedContent: server.content, state: 'saved' } } : rest,
      );
    },
    [update],
  );

  useEffect(() => {
    // Text restored from this browser's storage is saved straight away.
    for (const f of Object.values(current.current)) if (f.state === 'pending') schedule(f.path, 0);
    if (typeof BroadcastChannel === 'undefined') return;
    const bc = new BroadcastChannel(`${storageKey}:saves`);
    channel.current = bc;
    bc.onmessage = (event: MessageEvent<SavedMessage>) => {
      const { path, revision, tab } = event.data;
      const entry = current.current[path];
      if (tab === tabId.current || !entry || revision <= entry.revision) return;
      // Another tab saved this file. Nothing typed here: take its text. Typed here: never overwrite either way.
      if (entry.content === entry.savedContent && entry.state === 'saved') void reload(path);
      else patch(path, { state: 'conflict', message: CONFLICT_MESSAGE });
    };
    return () => {
      bc.close();
      channel.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  useEffect(() => {
    // Closing the tab with unsaved edits asks first; everything saved closes silently.
    const warn = (event: BeforeUnloadEvent) => {
      if (Object.values(current.current).some((f) => f.state !== 'saved')) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    const pending = timers.current;
    return () => {
      window.removeEventListener('beforeunload', warn);
      pending.forEach((t) => clearTimeout(t));
    };
  }, []);

  return { files, setContent, flushAll, create, rename, remove, reload, storageFailed };
}
