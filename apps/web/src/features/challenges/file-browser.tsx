import { Grid, Group, ScrollArea, Text, Tree, getTreeExpandedState, useTree } from '@mantine/core';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { CodeViewer } from './code-viewer';
import { firstFile, toTreeData } from './file-tree';

/**
 * A package's files as a tree beside a read-only viewer. Arrow keys move through the tree (Mantine's own
 * handling), Enter opens the focused file, clicking opens it too.
 */
export function FileBrowser({ files, label }: { files: Record<string, string>; label: string }) {
  const data = useMemo(() => toTreeData(Object.keys(files)), [files]);
  const [path, setPath] = useState(() => firstFile(data));
  const tree = useTree({
    initialExpandedState: getTreeExpandedState(data, '*'),
    initialSelectedState: path ? [path] : [],
    onSelectedStateChange: (selected) => {
      const value = selected[0];
      if (value !== undefined && value in files) setPath(value);
    },
  });
  const openFocused = (event: KeyboardEvent<HTMLUListElement>) => {
    const value = (event.target as HTMLElement).dataset.value;
    if (event.key === 'Enter' && value && value in files) tree.select(value);
  };
  if (!path) return <Text c="dimmed">No files.</Text>;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <ScrollArea h={520} type="auto">
          <Tree
            data={data}
            tree={tree}
            selectOnClick
            expandOnClick
            aria-label={label}
            onKeyDown={openFocused}
            renderNode={({ node, expanded, hasChildren, elementProps, selected }) => (
              <Group gap={6} wrap="nowrap" {...elementProps} style={{ ...elementProps.style, cursor: 'pointer' }}>
                <Text size="xs" c="dimmed" w={12} aria-hidden>
                  {hasChildren ? (expanded ? '▾' : '▸') : ''}
                </Text>
                <Text size="sm" ff="monospace" fw={selected && !hasChildren ? 700 : 400} c={selected && !hasChildren ? 'indigo' : undefined}>
                  {node.label}
                </Text>
              </Group>
            )}
          />
        </ScrollArea>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8 }}>
        <Text size="sm" ff="monospace" mb={4} aria-live="polite">
          {path}
        </Text>
        <CodeViewer path={path} content={files[path] ?? ''} />
      </Grid.Col>
    </Grid>
  );
}
