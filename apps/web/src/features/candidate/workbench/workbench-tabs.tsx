import { Tabs } from '@mantine/core';
import { usePracticeAllowance } from '../hooks/use-candidate';
import { OwnTestsPanel } from './own-tests-panel';
import { ServiceConsolePanel } from './service-console-panel';
import { type EditorFiles, TerminalPanel } from './terminal-panel';
import { TestCodePanel } from './test-code-panel';
import { useTerminalState } from './use-workbench';

const panelStyle = { flex: 1, minHeight: 0, overflow: 'auto' } as const;

/** The workbench's tabs, placed inside the workspace's Tabs.List; WorkbenchPanels goes beside its panels. */
export function WorkbenchTabs() {
  const terminal = useTerminalState();
  return (
    <>
      <Tabs.Tab value="own-tests">My tests</Tabs.Tab>
      <Tabs.Tab value="test-code">Test code</Tabs.Tab>
      <Tabs.Tab value="console">Console</Tabs.Tab>
      {terminal.data?.enabled && <Tabs.Tab value="terminal">Terminal</Tabs.Tab>}
    </>
  );
}

export function WorkbenchPanels({ disabled, beforeRun, editor }: { disabled: boolean; beforeRun: () => Promise<boolean>; editor: EditorFiles }) {
  const terminal = useTerminalState();
  // Own tests have their own hourly budget of the same size as the visible suite's.
  const perHour = usePracticeAllowance().data?.perHour;
  return (
    <>
      <Tabs.Panel value="own-tests" pt="sm" style={panelStyle}>
        <OwnTestsPanel disabled={disabled} beforeRun={beforeRun} perHour={perHour} />
      </Tabs.Panel>
      <Tabs.Panel value="test-code" pt="sm" style={panelStyle}>
        <TestCodePanel />
      </Tabs.Panel>
      <Tabs.Panel value="console" pt="sm" style={panelStyle}>
        <ServiceConsolePanel disabled={disabled} beforeStart={beforeRun} />
      </Tabs.Panel>
      {terminal.data?.enabled && (
        <Tabs.Panel value="terminal" pt="sm" style={panelStyle}>
          <TerminalPanel disabled={disabled} beforeStart={beforeRun} editor={editor} />
        </Tabs.Panel>
      )}
    </>
  );
}
