import CodeMirror from '@uiw/react-codemirror';
import { accessibleEditor } from '../code/code-accessibility';
import { languageFor } from '../code/code-languages';
import { useMemo } from 'react';

/** Read-only CodeMirror: highlighted and searchable, but nothing typed here could be mistaken for an edit. */
export function CodeViewer({ path, content, height = '520px' }: { path: string; content: string; height?: string }) {
  const extensions = useMemo(() => [...languageFor(path), ...accessibleEditor(`Contents of ${path}`)], [path]);
  return (
    <CodeMirror
      value={content}
      height={height}
      readOnly
      editable={false}
      extensions={extensions}
      basicSetup={{ foldGutter: false, highlightActiveLine: false }}
    />
  );
}
