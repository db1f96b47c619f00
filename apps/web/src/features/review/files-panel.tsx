import { Grid, NavLink, ScrollArea, Text } from '@mantine/core';
import type { FileView } from '@takehome/contracts';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { accessibleEditor } from '../code/code-accessibility';
import { languageFor } from '../code/code-languages';
import { useMemo, useState } from 'react';

// Wrapped lines: the viewer is half the page wide, and horizontal scrolling hides the end of long lines.
const viewerLanguageFor = (path: string) => [EditorView.lineWrapping, ...languageFor(path), ...accessibleEditor(`Contents of ${path}`)];

type TreeRow = { kind: 'folder' | 'file'; path: string; name: string; depth: number };

/** Paths (sorted) to tree rows: each folder once, before its files, indented by depth. */
function treeRows(files: FileView[]): TreeRow[] {
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  for (const { path } of files) {
    const parts = path.split('/');
    parts.slice(0, -1).forEach((name, depth) => {
      const folder = parts.slice(0, depth + 1).join('/');
      if (!seen.has(folder)) rows.push({ kind: 'folder', path: folder, name, depth });
      seen.add(folder);
    });
    rows.push({ kind: 'file', path, name: parts[parts.length - 1], depth: parts.length - 1 });
  }
  return rows;
}

/** File list beside a read-only editor: reviewers read code with highlighting but can never change it. */
export function FilesPanel({ files }: { files: FileView[] }) {
  const [selected, setSelected] = useState(files[0]?.path ?? '');
  const file = files.find((f) => f.path === selected);
  const extensions = useMemo(() => viewerLanguageFor(selected), [selected]);
  if (!files.length) return <Text c="dimmed">The submission has no files.</Text>;
  return (
    <Grid>
      <Grid.Col span={3}>
        <ScrollArea h={520} aria-label="Submitted files">
          {treeRows(files).map((row) =>
            row.kind === 'folder' ? (
              <Text key={`dir:${row.path}`} ff="monospace" size="xs" c="dimmed" pl={8 + row.depth * 12} py={4}>
                {row.name}/
              </Text>
            ) : (
              <NavLink
                key={row.path}
                label={row.name}
                title={row.path}
                active={row.path === selected}
                onClick={() => setSelected(row.path)}
                styles={{ label: { fontFamily: 'monospace', fontSize: 12 } }}
                pl={8 + row.depth * 12}
              />
            ),
          )}
        </ScrollArea>
      </Grid.Col>
      <Grid.Col span={9}>
        <CodeMirror style={{ fontSize: 13 }} value={file?.content ?? ''} height="520px" readOnly editable={false} extensions={extensions} basicSetup={{ foldGutter: false }} />
      </Grid.Col>
    </Grid>
  );
}
