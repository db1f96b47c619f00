import { Kbd, Text } from '@mantine/core';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useId, useMemo } from 'react';
import { accessibleEditor } from '../../code/code-accessibility';
import { completionFor, languageFor } from '../../code/code-languages';

/**
 * CodeMirror 6 with its own language support and autocompletion (basicSetup turns the completion UI on; the
 * sources come from the language packages, or words of the file where a language has none). Tab indents, so the
 * editor says under itself how to leave it: CodeMirror's Escape-then-Tab, or Ctrl+M to make Tab move focus.
 */
// CodeMirror's toggleTabFocusMode binding: Ctrl-M, and Shift-Alt-M on macOS (where Ctrl-M is taken).
const TOGGLE_KEYS = /Mac|iPhone|iPad/.test(navigator.platform) ? ['Shift', 'Option', 'M'] : ['Ctrl', 'M'];

export function CodeEditor({ path, value, readOnly, onChange }: { path: string; value: string; readOnly: boolean; onChange: (v: string) => void }) {
  const hintId = useId();
  const extensions = useMemo(
    () => [
      ...languageFor(path),
      ...completionFor(path),
      EditorView.lineWrapping,
      ...accessibleEditor(`Code editor: ${path}`, hintId),
    ],
    [path, hintId],
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <div style={{ flex: 1, minHeight: 0 }}>
        <CodeMirror
          value={value}
          height="100%"
          style={{ height: '100%', fontSize: 14 }}
          extensions={extensions}
          readOnly={readOnly}
          editable={!readOnly}
          onChange={onChange}
          basicSetup={{ foldGutter: false }}
        />
      </div>
      <Text id={hintId} size="xs" c="dimmed" px="sm" py={4} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        Tab indents. To leave the editor with the keyboard press <Kbd size="xs">Esc</Kbd> then <Kbd size="xs">Tab</Kbd>, or{' '}
        {TOGGLE_KEYS.map((k, i) => <span key={k}>{i > 0 && '+'}<Kbd size="xs">{k}</Kbd></span>)} to make Tab move focus until you press it again.
      </Text>
    </div>
  );
}
