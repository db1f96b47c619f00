import { Box, Paper, Tabs, Text } from '@mantine/core';
import { type CandidateWorkspace, describeUndeclaredPackages, RUNTIME_OFFERINGS, type RuntimeId } from '@takehome/contracts';
import type { ReactNode } from 'react';
import { type LayoutStorage, Group as PanelGroup, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { WorkbenchPanels, WorkbenchTabs } from '../workbench/workbench-tabs';
import { CodeEditor } from './code-editor';
import { FileTree } from './file-tree';
import { PracticePanel } from './practice-panel';
import { PromptView } from './prompt-view';
import type { DraftEntry, useDraftFiles } from './use-draft-files';

export interface WorkspaceContext {
  workspace: CandidateWorkspace;
  drafts: ReturnType<typeof useDraftFiles>;
  readOnly: boolean;
}

/**
 * The tabs of the right-hand pane, in order. A new tool for the candidate (own tests, HTTP console, terminal) is one
 * line here; every panel stays mounted, so switching tabs never loses what a panel holds.
 */
const sidePanels: { value: string; label: string; render: (ctx: WorkspaceContext) => ReactNode }[] = [
  { value: 'task', label: 'Task', render: ({ workspace }) => <PromptView markdown={workspace.promptMarkdown} services={workspace.services} /> },
  {
    value: 'tests',
    label: 'Tests',
    render: ({ workspace, drafts, readOnly }) => <PracticePanel disabled={readOnly} beforeRun={drafts.flushAll} undeclared={undeclaredIn(workspace, drafts)} />,
  },
];

/** What the files being edited declare that this runtime's image does not offer (the same check the sandbox makes). */
function undeclaredIn(workspace: CandidateWorkspace, drafts: WorkspaceContext['drafts']): string {
  const libraries = RUNTIME_OFFERINGS[workspace.attempt.runtime as RuntimeId]?.libraries;
  const files = Object.fromEntries(Object.values(drafts.files).map((f) => [f.path, f.content]));
  return describeUndeclaredPackages(files, libraries);
}

function Handle({ label }: { label: string }) {
  // The library's separator is a focusable role="separator": arrow keys resize, so it needs a name like any control.
  return (
    <Separator aria-label={label} style={{ width: 8, display: 'flex', alignItems: 'center', justifyContent: 'center', cursor: 'col-resize' }}>
      <Box w={2} h={32} bg="gray.5" style={{ borderRadius: 1 }} />
    </Separator>
  );
}

// A browser that refuses storage only forgets the pane sizes; it must not break the workspace.
const layoutStorage: LayoutStorage = {
  getItem: (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  setItem: (key, value) => {
    try {
      localStorage.setItem(key, value);
    } catch {
      // not remembered, nothing else lost
    }
  },
};

const paneStyle = { height: '100%', display: 'flex', flexDirection: 'column', overflow: 'hidden' } as const;

/** Files, editor and the tabbed side pane, resizable with the mouse or the keyboard; sizes are kept per browser. */
export function WorkspacePanes({ ctx, list, activePath, setActivePath }: {
  ctx: WorkspaceContext;
  list: DraftEntry[];
  activePath: string | null;
  setActivePath: (p: string | null) => void;
}) {
  const { drafts, readOnly } = ctx;
  const active = activePath ? drafts.files[activePath] : undefined;
  const layout = useDefaultLayout({ id: 'takehome-workspace', storage: layoutStorage });
  return (
    <PanelGroup orientation="horizontal" defaultLayout={layout.defaultLayout} onLayoutChanged={layout.onLayoutChanged} style={{ flex: 1, minHeight: 0 }}>
      <Panel id="files" defaultSize="16%" minSize={150}>
        <Paper withBorder p="xs" style={paneStyle}>
          <FileTree
            files={list}
            active={activePath}
            readOnly={readOnly}
            onOpen={setActivePath}
            onCreate={async (p) => { await drafts.create(p); setActivePath(p); }}
            onRename={async (from, to) => { await drafts.rename(from, to); if (activePath === from) setActivePath(to); }}
            onDelete={async (p) => { await drafts.remove(p); if (activePath === p) setActivePath(null); }}
          />
        </Paper>
      </Panel>
      <Handle label="Resize the file list" />
      <Panel id="editor" defaultSize="56%" minSize={320}>
        <Paper withBorder style={paneStyle}>
          {active ? (
            <>
              <Text size="xs" c="dimmed" px="sm" py={4} truncate="start" title={active.path}>{active.path}</Text>
              <Box style={{ flex: 1, minHeight: 0 }}>
                <CodeEditor key={active.path} path={active.path} value={active.content} readOnly={readOnly || active.state === 'conflict'} onChange={(v) => drafts.setContent(active.path, v)} />
              </Box>
            </>
          ) : (
            <Text p="md" c="dimmed">Pick a file on the left, or create one.</Text>
          )}
        </Paper>
      </Panel>
      <Handle label="Resize the task and tests pane" />
      <Panel id="side" defaultSize="28%" minSize={280}>
        <Paper withBorder p="sm" style={paneStyle}>
          <Tabs defaultValue={sidePanels[0].value} keepMounted style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
            <Tabs.List>
              {sidePanels.map((p) => <Tabs.Tab key={p.value} value={p.value}>{p.label}</Tabs.Tab>)}
              <WorkbenchTabs />
            </Tabs.List>
            {sidePanels.map((p) => (
              <Tabs.Panel key={p.value} value={p.value} pt="sm" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
                {p.render(ctx)}
              </Tabs.Panel>
            ))}
            <WorkbenchPanels disabled={ctx.readOnly} beforeRun={ctx.drafts.flushAll} editor={ctx.drafts} />
          </Tabs>
        </Paper>
      </Panel>
    </PanelGroup>
  );
}
