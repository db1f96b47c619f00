/**
 * The browser's own copy of text not yet acknowledged by the server, so a failed save (API down, network gone),
 * a reload or a crash never loses typing. localStorage is synchronous, so the copy is written in the same tick as
 * the keystroke; a draft file is at most 256 KB and only unsaved files are kept, so it stays far below the
 * ~5 MB an origin gets. Keyed by the attempt (its start time: unique per attempt in one browser).
 */
export interface UnsavedCopy {
  content: string;
  /** The server revision the text was typed on; a newer one on the server means someone else saved meanwhile. */
  baseRevision: number;
}

const PREFIX = 'takehome:unsaved:';

export function unsavedKey(attemptStartedAt: string): string {
  return `${PREFIX}${attemptStartedAt}`;
}

export function readUnsaved(key: string): Record<string, UnsavedCopy> {
  try {
    const raw = window.localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, Partial<UnsavedCopy>>).filter(
        (e): e is [string, UnsavedCopy] => typeof e[1]?.content === 'string' && typeof e[1]?.baseRevision === 'number',
      ),
    );
  } catch {
    return {};
  }
}

/** False when the browser refused to store it (storage full or disabled): the page then says so. */
export function writeUnsaved(key: string, copies: Record<string, UnsavedCopy>): boolean {
  try {
    if (Object.keys(copies).length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(copies));
    return true;
  } catch {
    return false;
  }
}
