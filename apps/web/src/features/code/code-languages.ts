import { completeAnyWord } from '@codemirror/autocomplete';
import { cpp } from '@codemirror/lang-cpp';
import { go } from '@codemirror/lang-go';
import { java } from '@codemirror/lang-java';
import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { markdown } from '@codemirror/lang-markdown';
import { python } from '@codemirror/lang-python';
import { StreamLanguage } from '@codemirror/language';
import { ruby } from '@codemirror/legacy-modes/mode/ruby';
import { EditorState, type Extension } from '@codemirror/state';

/**
 * Highlighting for every language a runtime offers (node20, python3, go, java17, cpp, ruby) plus the
 * JSON and Markdown files starters carry. One place, so the editor, the reviewer's viewer and the authoring
 * preview never disagree about a file.
 */
export function languageFor(path: string): Extension[] {
  if (/\.(c|m)?[jt]sx?$/.test(path)) return [javascript({ typescript: /\.tsx?$/.test(path), jsx: /x$/.test(path) })];
  if (path.endsWith('.py')) return [python()];
  if (path.endsWith('.go') || path.endsWith('/go.mod') || path === 'go.mod') return [go()];
  if (path.endsWith('.java')) return [java()];
  if (/\.(c|cc|cpp|cxx|h|hh|hpp|hxx)$/.test(path)) return [cpp()];
  if (/\.(rb|ru)$/.test(path) || /(^|\/)(Gemfile|Rakefile)$/.test(path)) return [StreamLanguage.define(ruby)];
  if (path.endsWith('.json')) return [json()];
  if (path.endsWith('.md')) return [markdown()];
  return [];
}

// JavaScript, Python and Go bring their own completion sources (keywords, snippets, names in scope); the others
// complete from the words already in the file rather than offering nothing.
const OWN_COMPLETION = /\.((c|m)?[jt]sx?|py|go)$|(^|\/)go\.mod$/;

/** Autocompletion sources for the editor (the completion UI itself comes with the editor's basic setup). */
export function completionFor(path: string): Extension[] {
  return OWN_COMPLETION.test(path) ? [] : [EditorState.languageData.of(() => [{ autocomplete: completeAnyWord }])];
}
