import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { markdown } from '@codemirror/lang-markdown';
import { python } from '@codemirror/lang-python';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo } from 'react';

function languageFor(path: string) {
  if (/\.(m|c)?[jt]sx?$/.test(path)) return [javascript({ typescript: /\.tsx?$/.test(path), jsx: /x$/.test(path) })];
  if (path.endsWith('.py')) return [python()];
  if (path.endsWith('.json')) return [json()];
  if (path.endsWith('.md')) return [markdown()];
  return [];
}

/** CodeMirror 6, bundled. Tab indents; Escape then Tab leaves the editor, so keyboard users are never trapped. */
export function CodeEditor({ path, value, readOnly, onChange }: { path: string; value: string; readOnly: boolean; onChange: (v: string) => void }) {
  const extensions = useMemo(() => languageFor(path), [path]);
  return (
    <CodeMirror
      value={value}
      height="100%"
      style={{ height: '100%', fontSize: 14 }}
      extensions={extensions}
      readOnly={readOnly}
      editable={!readOnly}
      onChange={onChange}
      aria-label={`Editor for ${path}`}
      basicSetup={{ foldGutter: false }}
    />
  );
}
