import CodeMirror from '@uiw/react-codemirror';
import { languageFor } from '../../code/code-languages';
import { useMemo } from 'react';

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
