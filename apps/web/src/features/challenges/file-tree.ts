import type { TreeNodeData } from '@mantine/core';

/** Turns flat package paths into Mantine tree nodes: folders first, then files, each alphabetically. */
export function toTreeData(paths: string[]): TreeNodeData[] {
  const root: TreeNodeData[] = [];
  for (const path of [...paths].sort()) {
    const parts = path.split('/');
    let level = root;
    parts.forEach((name, i) => {
      const value = parts.slice(0, i + 1).join('/');
      let node = level.find((n) => n.value === value);
      if (!node) {
        node = { value, label: name, ...(i < parts.length - 1 ? { children: [] } : {}) };
        level.push(node);
      }
      level = node.children ?? [];
    });
  }
  return sortNodes(root);
}

function sortNodes(nodes: TreeNodeData[]): TreeNodeData[] {
  return nodes
    .map((n) => (n.children ? { ...n, children: sortNodes(n.children) } : n))
    .sort((a, b) => Number(!a.children) - Number(!b.children) || String(a.label).localeCompare(String(b.label)));
}

/** The first file in display order, so the viewer opens on something rather than nothing. */
export function firstFile(nodes: TreeNodeData[]): string | null {
  for (const node of nodes) {
    if (!node.children) return node.value;
    const inner = firstFile(node.children);
    if (inner) return inner;
  }
  return null;
}
