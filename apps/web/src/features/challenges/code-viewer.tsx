import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { markdown } from '@codemirror/lang-markdown';
import { python } from '@codemirror/lang-python';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo } from 'react';

function languageFor(path: string) {
  if (/\.(c|m)?[jt]sx?$/.test(path)) return [javascript({ typescript: /\.tsx?$/.test(path), jsx: /x$/.test(path) })];
  if (path.endsWith('.py')) return [python()];
  if (path.endsWith('.json')) return [json()];
  if (path.endsWith('.md')) return [markdown()];
  return [];
}

/** Read-only CodeMirror: highlighted and searchable, but nothing typed here could be mistaken for an edit. */
export function CodeViewer({ path, content, height = '520px' }: { path: string; content: string; height?: string }) {
  const extensions = useMemo(() => languageFor(path), [path]);
  return (
    <CodeMirror
      value={content}
      height={height}
      readOnly
      editable={false}
      extensions={extensions}
      basicSetup={{ foldGutter: false, highlightActiveLine: false }}
      aria-label={`Contents of ${path}`}
    />
  );
}
