import type { DraftFileView } from '@takehome/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { deleteFile, fetchWorkspace, renameFile, saveFile } from '../api/candidate';
import { ApiError, errorMessage } from '../../../api/http';

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

/**
 * The editor's files and their autosave. Each file is saved on its own, debounced, with the revision it was
 * loaded at; saves of one file never overlap, so revisions advance in order. A failed save stays visible and is
 * retried with backoff; a stale revision (another tab saved first) stops that file until the candidate reloads it.
 */
export function useDraftFiles(initial: DraftFileView[], onClosed: () => void) {
  const [files, setFiles] = useState<Record<string, DraftEntry>>(() =>
    Object.fromEntries(initial.map((f) => [f.path, { ...f, savedContent: f.content, state: 'saved' as const }])),
  );
  const current = useRef(files);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Map<string, Promise<void>>());
  const retries = useRef(new Map<string, number>());

  const update = useCallback((apply: (prev: Record<string, DraftEntry>) => Record<string, DraftEntry>) => {
    current.current = apply(current.current);
    setFiles(current.current);
  }, []);
  const patch = useCallback(
    (path: string, change: Partial<DraftEntry>) => update((prev) => (prev[path] ? { ...prev, [path]: { ...prev[path], ...change } } : prev)),
    [update],
  );

  const flushOne = useCallback(
    async (path: string): Promise<void> => {
      clearTimeout(timers.current.get(path));
      while (inFlight.current.has(path)) await inFlight.current.get(path);
      const entry = current.current[path];
      if (!entry || entry.state === 'conflict' || entry.content === entry.savedContent) return;
      const sent = entry.content;
      patch(path, { state: 'saving' });
      const saving = saveFile({ path, content: sent, baseRevision: entry.revision }).then(
        (saved) => {
          retries.current.delete(path);
          const now = current.current[path];
          const dirty = now !== undefined && now.content !== sent;
          patch(path, { revision: saved.revision, savedContent: sent, state: dirty ? 'pending' : 'saved', message: undefined });
          if (dirty) schedule(path, SAVE_DELAY_MS);
        },
        (error: unknown) => {
          const code = error instanceof ApiError ? error.code : undefined;
          if (code === 'stale_revision') return patch(path, { state: 'conflict', message: errorMessage(error) });
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

  return { files, setContent, flushAll, create, rename, remove, reload };
}
