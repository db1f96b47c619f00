import { Tabs } from '@mantine/core';
import { OwnTestsPanel } from './own-tests-panel';
import { TestCodePanel } from './test-code-panel';

const panelStyle = { flex: 1, minHeight: 0, overflow: 'auto' } as const;

/** The workbench's tabs, placed inside the workspace's Tabs.List; WorkbenchPanels goes beside its panels. */
export function WorkbenchTabs() {
  return (
    <>
      <Tabs.Tab value="own-tests">My tests</Tabs.Tab>
      <Tabs.Tab value="test-code">Test code</Tabs.Tab>
    </>
  );
}

export function WorkbenchPanels({ disabled, beforeRun, perHour }: { disabled: boolean; beforeRun: () => Promise<boolean>; perHour: number }) {
  return (
    <>
      <Tabs.Panel value="own-tests" pt="sm" style={panelStyle}>
        <OwnTestsPanel disabled={disabled} beforeRun={beforeRun} perHour={perHour} />
      </Tabs.Panel>
      <Tabs.Panel value="test-code" pt="sm" style={panelStyle}>
        <TestCodePanel />
      </Tabs.Panel>
    </>
  );
}
